package org.beaconpacs.dicom.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class DicomXmlWriterTest {

    @Test
    void writesTheNativeDicomModel() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.PatientName, VR.PN, "Yamada^Tarou=山田^太郎");
        ds.setString(Tag.PixelSpacing, VR.DS, " 0.5", "0.5 ");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "", "AXIAL");
        Attributes item = new Attributes();
        item.setString(Tag.CodeMeaning, VR.LO, "Chest <x> & y");
        ds.newSequence(Tag.ProcedureCodeSequence).add(item);
        ds.setBytes(Tag.PixelData, VR.OW, new byte[]{1, 2});
        ds.setString("ACME 1.1", 0x00090010, VR.LO, "private");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomXmlWriter((a, tag, vr, value) -> tag == Tag.PixelData ? "http://x/bulk" : null).write(ds, out);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        XPath x = XPathFactory.newInstance().newXPath();
        assertEquals(DicomXmlWriter.NAMESPACE, doc.getDocumentElement().getAttribute("xmlns"));
        assertEquals("PatientName", x.evaluate("//DicomAttribute[@tag='00100010']/@keyword", doc));
        assertEquals("Yamada", x.evaluate("//DicomAttribute[@tag='00100010']/PersonName[@number='1']"
                + "/Alphabetic/FamilyName", doc));
        assertEquals("太郎", x.evaluate("//DicomAttribute[@tag='00100010']/PersonName/Ideographic/GivenName", doc));
        assertEquals("0.5", x.evaluate("//DicomAttribute[@tag='00280030']/Value[@number='2']", doc));
        assertEquals("AXIAL", x.evaluate("//DicomAttribute[@tag='00080008']/Value[@number='3']", doc));
        assertEquals("Chest <x> & y", x.evaluate("//DicomAttribute[@vr='SQ']/Item[@number='1']"
                + "/DicomAttribute[@tag='00080104']/Value", doc));
        assertEquals("http://x/bulk", x.evaluate("//DicomAttribute[@tag='7FE00010']/BulkData/@uri", doc));
        assertEquals("ACME 1.1", x.evaluate("//DicomAttribute[@tag='00091010']/@privateCreator", doc));
        assertNull(doc.getElementsByTagName("InlineBinary").item(0));
    }
}
