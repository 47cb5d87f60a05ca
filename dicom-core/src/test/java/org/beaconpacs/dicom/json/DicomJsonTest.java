package org.beaconpacs.dicom.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.data.Fragments;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.io.DicomFile;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.FileMetaInformation;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.testing.SampleFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class DicomJsonTest {

    @Test
    void writesTheModelOfPs318AnnexF() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "", "AXIAL");
        ds.setString(Tag.PatientName, VR.PN, "Wang^XiaoDong=王^小東");
        ds.setString(Tag.PatientWeight, VR.DS, "72.5");
        ds.setInt(Tag.Rows, VR.US, 512);
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime);
        ds.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, new byte[] {1, 2, 3, 4});
        ds.newSequence(Tag.ReferencedSeriesSequence).addItem().setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3");
        ds.setNull(Tag.AccessionNumber, VR.SH);
        String json = new DicomJsonWriter().toJson(ds);
        assertTrue(json.contains("\"00080008\":{\"vr\":\"CS\",\"Value\":[\"ORIGINAL\",null,\"AXIAL\"]}"), json);
        assertTrue(json.contains("\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Wang^XiaoDong\","
                + "\"Ideographic\":\"王^小東\"}]}"), json);
        assertTrue(json.contains("\"00101030\":{\"vr\":\"DS\",\"Value\":[72.5]}"), json);
        assertTrue(json.contains("\"00280010\":{\"vr\":\"US\",\"Value\":[512]}"), json);
        assertTrue(json.contains("\"00280009\":{\"vr\":\"AT\",\"Value\":[\"00181063\"]}"), json);
        assertTrue(json.contains("\"00281201\":{\"vr\":\"OW\",\"InlineBinary\":\"AQIDBA==\"}"), json);
        assertTrue(json.contains("\"00081115\":{\"vr\":\"SQ\",\"Value\":[{\"0020000E\":{\"vr\":\"UI\","
                + "\"Value\":[\"1.2.3\"]}}]}"), json);
        assertTrue(json.contains("\"00080050\":{\"vr\":\"SH\"}"), json);
    }

    /** Every sample file goes to JSON and back with the same content (encapsulated pixel data by URI). */
    @TestFactory
    Stream<DynamicTest> samplesRoundTripThroughJson() throws IOException {
        return SampleFiles.all().stream()
                .filter(p -> !SampleFiles.BROKEN.containsKey(p.getFileName().toString()))
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> roundTrip(p)));
    }

    private static void roundTrip(Path path) throws IOException {
        Attributes original = DicomFile.read(path).dataset();
        Map<String, Object> store = new HashMap<>();
        DicomJsonWriter writer = new DicomJsonWriter((attrs, tag, vr, value) -> {
            if (value instanceof Fragments) {
                String uri = "urn:test:" + System.identityHashCode(value);
                store.put(uri, value);
                return uri;
            }
            return null;
        });
        String json = writer.toJson(original);
        Attributes back = new DicomJsonReader((uri, vr) -> store.get(uri)).read(new StringReader(json));
        String again = writer.toJson(back);
        int at = 0;
        while (at < Math.min(json.length(), again.length()) && json.charAt(at) == again.charAt(at)) {
            at++;
        }
        if (at < Math.max(json.length(), again.length())) {
            int from = Math.max(0, at - 80);
            throw new AssertionError("JSON differs after reading it back, at " + at + ":\n  wrote " + json.substring(from,
                    Math.min(json.length(), at + 60)) + "\n  again " + again.substring(from, Math.min(again.length(), at + 60)));
        }
    }

    @Test
    void bulkDataOnDiskTravelsAsAFileUriAndComesBack(@TempDir Path dir) throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4");
        ds.setBytes(Tag.PixelData, VR.OB, new byte[5000]);
        Path f = dir.resolve("x.dcm");
        try (DicomWriter w = new DicomWriter(Files.newOutputStream(f))) {
            w.writeFile(FileMetaInformation.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), null), ds);
        }
        Attributes read;
        try (DicomReader r = DicomReader.open(f).setBulkDataThreshold(1024)) {
            read = r.readFile().dataset();
        }
        String json = new DicomJsonWriter().toJson(read);
        assertTrue(json.contains("\"BulkDataURI\":\"file:"), json);
        Attributes back = new DicomJsonReader().read(new StringReader(json));
        assertEquals(read.getValue(Tag.PixelData), back.getValue(Tag.PixelData));
        assertEquals(5000, ((BulkData) back.getValue(Tag.PixelData)).toBytes().length);
    }

    @Test
    void malformedJsonIsAClearError() {
        DicomJsonReader reader = new DicomJsonReader();
        assertThrows(IOException.class, () -> reader.read(new StringReader("{\"00100010\":{\"vr\":\"PN\"")));
        IOException badVr = assertThrows(IOException.class,
                () -> reader.read(new StringReader("{\"00100010\":{\"vr\":\"XX\"}}")));
        assertTrue(badVr.getMessage().contains("00100010"), badVr.getMessage());
        IOException badValue = assertThrows(IOException.class,
                () -> reader.read(new StringReader("{\"00280010\":{\"vr\":\"US\",\"Value\":[\"x\"]}}")));
        assertTrue(badValue.getMessage().contains("00280010"), badValue.getMessage());
        assertThrows(IOException.class, () -> reader.read(new StringReader("[".repeat(10_000))));
        assertThrows(IOException.class, () -> reader.read(new StringReader(
                "{\"7FE00010\":{\"vr\":\"OB\",\"BulkDataURI\":\"http://elsewhere/x\"}}")));
    }
}
