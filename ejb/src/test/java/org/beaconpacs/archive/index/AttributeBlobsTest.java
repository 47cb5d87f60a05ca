package org.beaconpacs.archive.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

class AttributeBlobsTest {

    private static Attributes dataset() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4");
        ds.setString(Tag.StudyDate, VR.DA, "20261129");
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.PatientName, VR.PN, "Zhang^San=张^三");
        ds.setString(Tag.InstanceNumber, VR.IS, "7");
        ds.setString(Tag.ImageComments, VR.LT, "一个注释");
        return ds;
    }

    @Test
    void eachAttributeGoesToItsLevel() {
        assertEquals(Level.PATIENT, Level.of(Tag.PatientName));
        assertEquals(Level.PATIENT, Level.of(Tag.ResponsiblePerson));
        assertEquals(Level.STUDY, Level.of(Tag.StudyInstanceUID));
        assertEquals(Level.STUDY, Level.of(Tag.PatientAge), "a study's view of the patient");
        assertEquals(Level.SERIES, Level.of(Tag.Modality));
        assertEquals(Level.SERIES, Level.of(Tag.RequestAttributesSequence));
        assertEquals(Level.INSTANCE, Level.of(Tag.SOPInstanceUID));
        assertEquals(Level.INSTANCE, Level.of(Tag.PixelData), "above every listed tag (unsigned order)");
        assertEquals(Level.INSTANCE, Level.of(0xFFFEE000));
    }

    @Test
    void oneLevelIsWhatTheSplitGivesForIt() {
        Attributes ds = dataset();
        for (Level level : Level.values()) {
            assertArrayEquals(AttributeBlobs.encode(AttributeBlobs.split(ds).get(level)),
                    AttributeBlobs.encode(AttributeBlobs.level(ds, level)), level.toString());
        }
        Attributes instance = AttributeBlobs.decode(AttributeBlobs.encode(AttributeBlobs.level(ds, Level.INSTANCE)));
        assertEquals("7", instance.getString(Tag.InstanceNumber));
        assertEquals("一个注释", instance.getString(Tag.ImageComments), "decodes on its own: it has the character set");
        assertFalse(instance.contains(Tag.PatientName));
        assertFalse(instance.contains(Tag.StudyDate));
    }
}
