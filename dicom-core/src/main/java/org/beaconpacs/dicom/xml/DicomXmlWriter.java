package org.beaconpacs.dicom.xml;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.data.Fragments;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.Tags;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.data.Values;
import org.beaconpacs.dicom.dict.ElementDictionary;
import org.beaconpacs.dicom.json.DicomJsonWriter.BulkDataUriPolicy;

/**
 * Writes the Native DICOM Model of PS3.19 A.1 ({@code application/dicom+xml}): a {@code NativeDicomModel}
 * of {@code DicomAttribute}s with tag, VR, keyword and private creator; values numbered from 1; person names
 * split into their groups and components; items; binary values inline in base64 or as a BulkData URI.
 */
public final class DicomXmlWriter {

    static final String NAMESPACE = "http://dicom.nema.org/PS3.19/models/NativeDICOM";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final String[] GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};
    private static final String[] COMPONENTS = {"FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"};

    private final BulkDataUriPolicy policy;

    public DicomXmlWriter(BulkDataUriPolicy policy) {
        this.policy = policy;
    }

    /** One data set as an XML document in UTF-8. */
    public void write(Attributes attrs, OutputStream out) throws IOException {
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("NativeDicomModel");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeAttribute("xml:space", "preserve");
            attributes(attrs, w);
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void attributes(Attributes attrs, XMLStreamWriter w) throws XMLStreamException, IOException {
        for (int i = 0; i < attrs.size(); i++) {
            int tag = attrs.tagAt(i);
            VR vr = attrs.vrAt(i);
            Object value = attrs.valueAt(i);
            w.writeStartElement("DicomAttribute");
            w.writeAttribute("tag", Tags.toHexString(tag));
            w.writeAttribute("vr", value instanceof Sequence ? "SQ" : vr.name());
            if ((tag >>> 16) % 2 == 1) {
                String creator = attrs.privateCreatorOf(tag);
                if (creator != null && (tag & 0xFF00) != 0) {
                    w.writeAttribute("privateCreator", creator);
                }
            } else {
                String keyword = ElementDictionary.keywordOf(tag);
                if (keyword != null && !keyword.isEmpty()) {
                    w.writeAttribute("keyword", keyword);
                }
            }
            if (value instanceof Sequence seq) {
                for (int k = 0; k < seq.size(); k++) {
                    w.writeStartElement("Item");
                    w.writeAttribute("number", String.valueOf(k + 1));
                    attributes(seq.get(k), w);
                    w.writeEndElement();
                }
            } else if (value instanceof Fragments || value instanceof BulkData
                    || vr.kind() == VR.Kind.BINARY && !vr.isBinaryNumber()) {
                binary(attrs, tag, vr, value, w);
            } else {
                values(attrs, tag, vr, w);
            }
            w.writeEndElement();
        }
    }

    private void binary(Attributes attrs, int tag, VR vr, Object value, XMLStreamWriter w)
            throws XMLStreamException, IOException {
        String uri = policy.uriFor(attrs, tag, vr, value);
        if (uri != null) {
            w.writeEmptyElement("BulkData");
            w.writeAttribute("uri", uri);
            return;
        }
        byte[] b = value instanceof byte[] raw ? raw : value instanceof BulkData bulk ? bulk.toBytes() : null;
        if (b == null || b.length == 0) {
            return;
        }
        if (attrs.isBigEndian() && vr.swapUnit() > 1) {
            b = Values.swap(b.clone(), 0, b.length, vr.swapUnit()); // InlineBinary is little endian
        }
        w.writeStartElement("InlineBinary");
        w.writeCharacters(Base64.getEncoder().encodeToString(b));
        w.writeEndElement();
    }

    private static void values(Attributes attrs, int tag, VR vr, XMLStreamWriter w) throws XMLStreamException {
        String[] values = attrs.getStrings(tag);
        if (values == null) {
            return;
        }
        for (int k = 0; k < values.length; k++) {
            if (vr == VR.PN) {
                personName(values[k], k + 1, w);
                continue;
            }
            w.writeStartElement("Value");
            w.writeAttribute("number", String.valueOf(k + 1));
            w.writeCharacters(vr == VR.DS || vr == VR.IS ? values[k].strip() : values[k]);
            w.writeEndElement();
        }
    }

    private static void personName(String pn, int number, XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement("PersonName");
        w.writeAttribute("number", String.valueOf(number));
        String[] groups = pn.split("=", -1);
        for (int g = 0; g < Math.min(3, groups.length); g++) {
            if (groups[g].isEmpty()) {
                continue;
            }
            w.writeStartElement(GROUPS[g]);
            String[] components = groups[g].split("\\^", -1);
            for (int c = 0; c < Math.min(5, components.length); c++) {
                if (!components[c].isEmpty()) {
                    w.writeStartElement(COMPONENTS[c]);
                    w.writeCharacters(components[c]);
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }
}
