package org.beaconpacs.dicom.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.data.Fragments;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.Tags;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.data.Values;

/**
 * Writes the DICOM JSON Model of PS3.18 Annex F: an object per data set, keyed by 8 hex digits, each
 * attribute with its "vr" and a "Value" array, a base64 "InlineBinary", or a "BulkDataURI".
 *
 * <p>Text is written as decoded with the data set's Specific Character Set (JSON is Unicode); PN
 * values become objects with Alphabetic, Ideographic and Phonetic groups; DS, IS and the binary
 * numeric VRs become JSON numbers. Which binary values leave as a BulkDataURI is the
 * {@link BulkDataUriPolicy}'s choice; encapsulated pixel data can only travel that way (F.2.7).
 */
public final class DicomJsonWriter {

    /** Chooses a BulkDataURI for a binary value, or null to write it inline. */
    @FunctionalInterface
    public interface BulkDataUriPolicy {
        String uriFor(Attributes attrs, int tag, VR vr, Object value);
    }

    /**
     * Values left on disk ({@link BulkData}) are referenced by a file URI with their offset and length,
     * which {@link DicomJsonReader} resolves back; everything else is inline.
     */
    public static final BulkDataUriPolicy FILE_REFERENCES = (attrs, tag, vr, value) ->
            value instanceof BulkData b ? fileUri(b) : null;

    private final BulkDataUriPolicy policy;

    public DicomJsonWriter() {
        this(FILE_REFERENCES);
    }

    public DicomJsonWriter(BulkDataUriPolicy policy) {
        this.policy = policy;
    }

    /** "file:///path?offset=N&amp;length=M" for a bulk data reference. */
    public static String fileUri(BulkData b) {
        return b.file().toUri() + "?offset=" + b.offset() + "&length=" + b.length()
                + (b.bigEndian() ? "&bigEndian=true" : "");
    }

    public String toJson(Attributes attrs) {
        StringBuilder sb = new StringBuilder(attrs.size() * 64);
        try {
            write(attrs, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** Writes a JSON array of data sets, as a QIDO-RS response or a WADO-RS metadata response has. */
    public void writeArray(List<Attributes> datasets, Appendable out) throws IOException {
        out.append('[');
        for (int i = 0; i < datasets.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(datasets.get(i), out);
        }
        out.append(']');
    }

    public void write(Attributes attrs, Appendable out) throws IOException {
        out.append('{');
        for (int i = 0; i < attrs.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            int tag = attrs.tagAt(i);
            VR vr = attrs.vrAt(i);
            Object value = attrs.valueAt(i);
            // a sequence read from an explicit UN of undefined length is a sequence all the same
            String vrName = value instanceof Sequence ? "SQ" : vr.name();
            out.append('"').append(Tags.toHexString(tag)).append("\":{\"vr\":\"").append(vrName).append('"');
            if (value instanceof Sequence seq) {
                writeItems(seq, out);
            } else if (value instanceof Fragments || value instanceof BulkData
                    || (vr.kind() == VR.Kind.BINARY && !vr.isBinaryNumber())) {
                writeBinary(attrs, tag, vr, value, out);
            } else {
                writeValues(attrs, tag, vr, out);
            }
            out.append('}');
        }
        out.append('}');
    }

    private void writeItems(Sequence seq, Appendable out) throws IOException {
        if (seq.isEmpty()) {
            return;
        }
        out.append(",\"Value\":[");
        for (int k = 0; k < seq.size(); k++) {
            if (k > 0) {
                out.append(',');
            }
            write(seq.get(k), out);
        }
        out.append(']');
    }

    private void writeBinary(Attributes attrs, int tag, VR vr, Object value, Appendable out) throws IOException {
        String uri = policy.uriFor(attrs, tag, vr, value);
        if (uri != null) {
            out.append(",\"BulkDataURI\":");
            Json.writeString(out, uri);
            return;
        }
        byte[] b;
        if (value instanceof byte[] raw) {
            b = raw;
        } else if (value instanceof BulkData bulk) {
            b = bulk.toBytes();
        } else {
            return; // encapsulated pixel data without a URI: F.2.7 gives it no inline form
        }
        if (b.length == 0) {
            return;
        }
        if (attrs.isBigEndian() && vr.swapUnit() > 1) {
            b = Values.swap(b.clone(), 0, b.length, vr.swapUnit()); // InlineBinary is little endian
        }
        out.append(",\"InlineBinary\":\"").append(Base64.getEncoder().encodeToString(b)).append('"');
    }

    private void writeValues(Attributes attrs, int tag, VR vr, Appendable out) throws IOException {
        String[] values = attrs.getStrings(tag);
        if (values == null || values.length == 0) {
            return;
        }
        out.append(",\"Value\":[");
        for (int k = 0; k < values.length; k++) {
            if (k > 0) {
                out.append(',');
            }
            String v = values[k];
            if (v.isEmpty()) {
                out.append("null");
            } else if (vr == VR.PN) {
                writePersonName(v, out);
            } else if (vr == VR.DS || vr == VR.IS || (vr.isBinaryNumber() && vr != VR.AT)) {
                writeNumber(v, out);
            } else {
                Json.writeString(out, v);
            }
        }
        out.append(']');
    }

    private static void writePersonName(String pn, Appendable out) throws IOException {
        String[] groups = pn.split("=", -1);
        String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
        out.append('{');
        boolean first = true;
        for (int g = 0; g < Math.min(3, groups.length); g++) {
            if (groups[g].isEmpty()) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append('"').append(names[g]).append("\":");
            Json.writeString(out, groups[g]);
        }
        out.append('}');
    }

    /** A JSON number; text that is no number (a broken DS, NaN) goes out as a string rather than be lost. */
    private static void writeNumber(String v, Appendable out) throws IOException {
        String t = v.trim();
        try {
            BigDecimal n = new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
            out.append(isJsonNumber(t) ? t : n.toString());
        } catch (NumberFormatException notANumber) {
            Json.writeString(out, v);
        }
    }

    private static boolean isJsonNumber(String t) {
        return t.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    }
}
