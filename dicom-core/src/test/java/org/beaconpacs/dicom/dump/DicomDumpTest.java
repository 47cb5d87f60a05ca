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
}
