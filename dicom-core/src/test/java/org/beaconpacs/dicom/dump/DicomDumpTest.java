package org.beaconpacs.dicom.dump;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

class DicomDumpTest {

    @Test
    void listsElementsWithNestingMarkedByAngleBrackets() {
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientName, VR.PN, "Doe^John");
        ds.newSequence(Tag.ReferencedSeriesSequence).addItem()
                .setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3");
        ds.setInt(Tag.Rows, VR.US, 512);
        String dump = new DicomDump().dump(ds);
        assertTrue(dump.contains("(0010,0010) PN [Doe^John]"), dump);
        assertTrue(dump.contains("# 8, 1 PatientName"), dump);
        assertTrue(dump.contains("(0008,1115) SQ (Sequence #=1)"), dump);
        assertTrue(dump.contains(">(FFFE,E000) na (Item #1 with 1 elements)"), dump);
        assertTrue(dump.contains(">(0020,000E) UI [1.2.3]"), dump);
        assertTrue(dump.contains("(0028,0010) US [512]"), dump);
    }

    @Test
    void cutsLongValuesForLogs() {
        Attributes ds = new Attributes();
        ds.setString(Tag.TextValue, VR.UT, "x".repeat(500));
        String dump = new DicomDump(20).dump(ds);
        assertTrue(dump.contains("[" + "x".repeat(20) + "...]"), dump);
    }

    @Test
    void showsTheFirstValuesOfLongBinaryValuesInMemoryOrOnDisk(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        int[] words = new int[100_000];
        for (int i = 0; i < words.length; i++) {
            words[i] = i;
        }
        ds.setInt(Tag.PixelData, VR.OW, words);
        String inMemory = new DicomDump(20).dump(ds);
        assertTrue(inMemory.contains("(7FE0,0010) OW [0\\1\\2\\3\\4\\5\\6\\7\\8\\9\\...]"), inMemory);
        assertTrue(inMemory.contains("# 200000, 1 PixelData"), inMemory);
        java.nio.file.Path f = dir.resolve("x.dcm");
        try (var w = new org.beaconpacs.dicom.io.DicomWriter(java.nio.file.Files.newOutputStream(f))) {
            w.writeFile(org.beaconpacs.dicom.io.FileMetaInformation.of(ds, "1.2.840.10008.1.2.1", null), ds);
        }
        try (var reader = org.beaconpacs.dicom.io.DicomReader.open(f).setBulkDataThreshold(4096)) {
            String onDisk = new DicomDump(20).dump(reader.readFile().dataset());
            assertTrue(onDisk.contains("(7FE0,0010) OW [0\\1\\2\\3\\4\\5\\6\\7\\8\\9\\...]"), onDisk);
            assertTrue(onDisk.contains("# 200000, 1 PixelData"), onDisk);
        }
    }
}
