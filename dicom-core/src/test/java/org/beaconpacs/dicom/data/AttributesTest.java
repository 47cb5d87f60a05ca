package org.beaconpacs.dicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beaconpacs.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

class AttributesTest {

    @Test
    void keepsElementsInTagOrderWhateverTheOrderOfSetting() {
        Attributes ds = new Attributes(2);
        ds.setString(Tag.PatientID, VR.LO, "P1");
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setBytes(Tag.PixelData, VR.OB, new byte[] {0, 1});
        ds.setString(Tag.Modality, VR.CS, "CT");
        assertArrayEquals(new int[] {Tag.SpecificCharacterSet, Tag.Modality, Tag.PatientID, Tag.PixelData}, ds.tags());
        assertTrue(ds.contains(Tag.Modality));
        assertEquals("CT", ds.remove(Tag.Modality) instanceof String[] s ? s[0] : null);
        assertFalse(ds.contains(Tag.Modality));
        assertNull(ds.getString(Tag.Modality));
    }

    @Test
    void groupsAboveTheSignBitSortAfterTheOthers() {
        Attributes ds = new Attributes();
        ds.setBytes(0xFFFAFFFA, VR.OB, new byte[2]);
        ds.setString(Tag.PatientID, VR.LO, "P1");
        assertArrayEquals(new int[] {Tag.PatientID, 0xFFFAFFFA}, ds.tags());
    }

    @Test
    void stringsHaveBackslashMultiplicityAndInsignificantPaddingRemoved() {
        Attributes ds = new Attributes();
        ds.setBytes(Tag.ImageType, VR.CS, " ORIGINAL\\PRIMARY \\\\AXIAL".getBytes());
        assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY", "", "AXIAL"}, ds.getStrings(Tag.ImageType));
        ds.setBytes(Tag.StudyComments, VR.LT, "  indented\\text  ".getBytes());
        assertEquals("  indented\\text", ds.getString(Tag.StudyComments)); // LT: no multiplicity, leading kept
        ds.setBytes(Tag.SOPInstanceUID, VR.UI, "1.2.3\0".getBytes());
        assertEquals("1.2.3", ds.getString(Tag.SOPInstanceUID));
        ds.setNull(Tag.AccessionNumber, VR.SH);
        assertArrayEquals(new String[0], ds.getStrings(Tag.AccessionNumber));
        assertFalse(ds.containsValue(Tag.AccessionNumber));
        assertTrue(ds.contains(Tag.AccessionNumber));
    }

    @Test
    void numbersFromTextToleratesTheSpacesDevicesSend() {
        Attributes ds = new Attributes();
        ds.setBytes(Tag.PixelSpacing, VR.DS, " 0.5\\+0.5 ".getBytes());
        assertArrayEquals(new double[] {0.5, 0.5}, ds.getDoubles(Tag.PixelSpacing));
        ds.setBytes(Tag.InstanceNumber, VR.IS, "  +12 ".getBytes());
        assertEquals(12, ds.getInt(Tag.InstanceNumber, -1));
        ds.setBytes(Tag.SeriesNumber, VR.IS, "x".getBytes());
        assertThrows(NumberFormatException.class, () -> ds.getInt(Tag.SeriesNumber, -1));
        ds.setDouble(Tag.SliceThickness, VR.DS, 1.0 / 3);
        assertTrue(ds.getString(Tag.SliceThickness).length() <= 16);
    }

    @Test
    void binaryNumbersInBothByteOrders() {
        for (boolean bigEndian : new boolean[] {false, true}) {
            Attributes ds = new Attributes(bigEndian, 4);
            ds.setInt(Tag.Rows, VR.US, 65535);
            ds.setInt(Tag.SmallestImagePixelValue, VR.SS, -2);
            ds.setInt(Tag.ReferencedFrameNumbers, VR.UL, 0x80000001);
            ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime);
            ds.setDouble(Tag.PixelSpacing, VR.FL, 0.25);
            ds.setLong(Tag.SelectorSVValue, VR.SV, Long.MIN_VALUE);
            assertEquals(65535, ds.getInt(Tag.Rows, 0));
            assertEquals(-2, ds.getInt(Tag.SmallestImagePixelValue, 0));
            assertEquals(2147483649.0, ds.getDouble(Tag.ReferencedFrameNumbers, 0));
            assertEquals("00181063", ds.getString(Tag.FrameIncrementPointer));
            assertEquals(0.25, ds.getDouble(Tag.PixelSpacing, 0));
            assertEquals(Long.toString(Long.MIN_VALUE), ds.getString(Tag.SelectorSVValue));
        }
        Attributes le = new Attributes();
        le.setInt(Tag.Columns, VR.US, 0x0102);
        assertArrayEquals(new byte[] {2, 1}, le.getBytes(Tag.Columns));
        le.setBigEndian(true);
        assertArrayEquals(new byte[] {1, 2}, le.getBytes(Tag.Columns));
        assertEquals(0x0102, le.getInt(Tag.Columns, 0));
    }

    @Test
    void stringValuesArePaddedToEvenLengthWithTheVrsPadding() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        ds.setString(Tag.PatientID, VR.LO, "ABC");
        assertArrayEquals("1.2.3\0".getBytes(), ds.getBytes(Tag.SOPInstanceUID));
        assertArrayEquals("ABC ".getBytes(), ds.getBytes(Tag.PatientID));
        assertEquals(0, VR.UI.padding());
        assertEquals(' ', VR.LO.padding());
        assertTrue(VR.UT.hasLongLength());
        assertFalse(VR.LT.hasLongLength());
        assertEquals(VR.PN, VR.ofCode(('P' << 8) | 'N'));
        assertNull(VR.ofCode(('Q' << 8) | 'Q'));
    }

    @Test
    void privateElementsAreAddressedThroughTheirCreator() {
        Attributes ds = new Attributes();
        ds.setString(0x00290010, VR.LO, "OTHER VENDOR");
        ds.setString("BEACON PACS", 0x00290001, VR.LO, "hello");
        assertEquals("BEACON PACS", ds.getString(0x00290011));
        assertEquals("hello", ds.getString(0x00291101));
        assertEquals("hello", ds.getString("BEACON PACS", 0x00290001));
        assertEquals("BEACON PACS", ds.privateCreatorOf(0x00291101));
        assertNull(ds.getString("NOBODY", 0x00290001));
        assertEquals(-1, ds.privateTag("NOBODY", 0x00290001, false));
    }

    @Test
    void tagPathsReachIntoNestedItems() {
        Attributes ds = new Attributes();
        ds.setString(TagPath.parse("RequestAttributesSequence[1].RequestedProcedureID"), VR.SH, "RP2");
        assertEquals(2, ds.getSequence(Tag.RequestAttributesSequence).size());
        assertEquals("RP2", ds.getString(TagPath.parse("RequestAttributesSequence[1].RequestedProcedureID")));
        assertEquals("RP2", ds.getString(TagPath.parse("00400275[1].00401001")));
        assertNull(ds.getString(TagPath.parse("RequestAttributesSequence[5].RequestedProcedureID")));
        assertEquals("RequestAttributesSequence[1].RequestedProcedureID",
                TagPath.of(Tag.RequestAttributesSequence, 1, Tag.RequestedProcedureID).toString());
    }

    @Test
    void itemsInheritTheCharacterSetOfTheirDataSet() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        Attributes item = ds.newSequence(Tag.OtherPatientIDsSequence).addItem();
        item.setString(Tag.PatientName, VR.PN, "王^小東");
        assertArrayEquals("王^小東".getBytes(java.nio.charset.StandardCharsets.UTF_8), item.getBytes(Tag.PatientName));
        assertEquals(1, item.level());
    }

    @Test
    void mergesReplaceOrKeep() {
        Attributes a = new Attributes();
        a.setString(Tag.PatientID, VR.LO, "A");
        a.setString(Tag.PatientName, VR.PN, "Old^Name");
        Attributes b = new Attributes(true, 4);
        b.setString(Tag.PatientName, VR.PN, "New^Name");
        b.setInt(Tag.Rows, VR.US, 256);
        b.newSequence(Tag.ReferencedSeriesSequence).addItem().setString(Tag.SeriesInstanceUID, VR.UI, "1.2");

        Attributes kept = new Attributes(a);
        kept.addMissing(b);
        assertEquals("Old^Name", kept.getString(Tag.PatientName));
        assertEquals(256, kept.getInt(Tag.Rows, 0)); // swapped into little endian on the way
        a.addAll(b);
        assertEquals("New^Name", a.getString(Tag.PatientName));
        assertEquals("A", a.getString(Tag.PatientID));
        assertEquals("1.2", a.getItem(Tag.ReferencedSeriesSequence, 0).getString(Tag.SeriesInstanceUID));
        b.getItem(Tag.ReferencedSeriesSequence, 0).setString(Tag.SeriesInstanceUID, VR.UI, "9.9");
        assertEquals("1.2", a.getItem(Tag.ReferencedSeriesSequence, 0).getString(Tag.SeriesInstanceUID), "deep copy");
        Attributes selected = new Attributes();
        selected.addSelected(a, new int[] {Tag.PatientID});
        assertArrayEquals(new int[] {Tag.PatientID}, selected.tags());
    }

    @Test
    void datesAndTimesHaveTypedAccessors() {
        Attributes ds = new Attributes();
        ds.setDate(Tag.StudyDate, java.time.LocalDate.of(2026, 11, 22));
        ds.setTime(Tag.StudyTime, java.time.LocalTime.of(8, 30, 5, 250_000_000));
        assertEquals("20261122", ds.getString(Tag.StudyDate));
        assertEquals("083005.250000", ds.getString(Tag.StudyTime));
        assertEquals(java.time.LocalDateTime.of(2026, 11, 22, 8, 30, 5, 250_000_000),
                ds.getDateTime(Tag.StudyDate, Tag.StudyTime));
        ds.setDateTime(Tag.AcquisitionDateTime, java.time.OffsetDateTime.of(2026, 11, 22, 8, 30, 0, 0,
                java.time.ZoneOffset.ofHours(8)));
        assertEquals("20261122083000+0800", ds.getString(Tag.AcquisitionDateTime));
        assertEquals(java.time.OffsetDateTime.of(2026, 11, 22, 8, 30, 0, 0, java.time.ZoneOffset.ofHours(8)),
                ds.getDateTime(Tag.AcquisitionDateTime));
        ds.setString(Tag.SeriesTime, VR.TM, "1015");
        assertEquals(java.time.LocalTime.of(10, 15), ds.getTime(Tag.SeriesTime));
        assertNull(ds.getDate(Tag.PatientBirthDate));
    }
}
