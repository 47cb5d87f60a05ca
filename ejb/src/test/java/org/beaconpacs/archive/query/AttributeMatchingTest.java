package org.beaconpacs.archive.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

class AttributeMatchingTest {

    private static final AttributeMatching.Options FUZZY = new AttributeMatching.Options(true, false);
    private static final AttributeMatching.Options EXACT = new AttributeMatching.Options(false, false);
    private static final AttributeMatching.Options COMBINED = new AttributeMatching.Options(true, true);

    private static Attributes stored() {
        Attributes a = new Attributes();
        a.setString(Tag.PatientName, VR.PN, "Doe^John^^^");
        a.setString(Tag.PatientID, VR.LO, "PID_1%");
        a.setString(Tag.StudyDate, VR.DA, "20240315");
        a.setString(Tag.StudyTime, VR.TM, "103015.25");
        a.setString(Tag.AcquisitionDateTime, VR.DT, "20240315103015");
        a.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3.4");
        a.setString(Tag.ModalitiesInStudy, VR.CS, "CT", "SR");
        a.setString(Tag.StudyDescription, VR.LO, "CT Thorax");
        a.setString(Tag.AccessionNumber, VR.SH, "");
        var codes = a.newSequence(Tag.ProcedureCodeSequence);
        Attributes c1 = codes.addItem();
        c1.setString(Tag.CodeValue, VR.SH, "X1");
        c1.setString(Tag.CodingSchemeDesignator, VR.SH, "LOCAL");
        Attributes c2 = codes.addItem();
        c2.setString(Tag.CodeValue, VR.SH, "Y2");
        c2.setString(Tag.CodingSchemeDesignator, VR.SH, "DCM");
        return a;
    }

    private static boolean match(int tag, VR vr, String value, AttributeMatching.Options o) {
        Attributes keys = new Attributes();
        if (value == null) {
            keys.setNull(tag, vr);
        } else {
            keys.setString(tag, vr, value.split("\\\\", -1));
        }
        return AttributeMatching.matches(keys, stored(), o);
    }

    private static boolean match(int tag, VR vr, String value) {
        return match(tag, vr, value, FUZZY);
    }

    @Test
    void universalMatchingMatchesEverythingEvenAnAbsentValue() {
        assertTrue(match(Tag.PatientName, VR.PN, null));
        assertTrue(match(Tag.ReferringPhysicianName, VR.PN, null), "absent attribute, zero-length key");
    }

    @Test
    void singleValueMatchingIsExactAndCaseSensitiveOutsidePersonNames() {
        assertTrue(match(Tag.StudyDescription, VR.LO, "CT Thorax"));
        assertFalse(match(Tag.StudyDescription, VR.LO, "ct thorax"));
        assertFalse(match(Tag.StudyDescription, VR.LO, "CT"));
        assertTrue(match(Tag.ModalitiesInStudy, VR.CS, "SR"), "any value of a multi-valued attribute");
        assertFalse(match(Tag.ReferringPhysicianName, VR.PN, "X"), "no value matches no key value");
    }

    @Test
    void wildcardsAreStarAndQuestionMarkAndNothingElse() {
        assertTrue(match(Tag.StudyDescription, VR.LO, "CT*"));
        assertTrue(match(Tag.StudyDescription, VR.LO, "C? Thora?"));
        assertTrue(match(Tag.StudyDescription, VR.LO, "*"));
        assertFalse(match(Tag.StudyDescription, VR.LO, "C?"));
        assertTrue(match(Tag.PatientID, VR.LO, "PID_1%"), "% and _ are themselves");
        assertFalse(match(Tag.PatientID, VR.LO, "PIDX1%"), "_ is not one character");
        assertFalse(match(Tag.PatientID, VR.LO, "PID%"), "% is not any run");
        assertTrue(match(Tag.PatientID, VR.LO, "PID_*"));
        assertTrue(match(Tag.StudyDescription, VR.LO, "CT.Thorax".replace('.', '?')));
        assertFalse(match(Tag.StudyDescription, VR.LO, "CT.*"), "regex characters are literal");
    }

    @Test
    void listOfUidsMatchesAnyOfThem() {
        assertTrue(match(Tag.StudyInstanceUID, VR.UI, "1.2.3\\1.2.3.4\\9"));
        assertFalse(match(Tag.StudyInstanceUID, VR.UI, "1.2.3\\1.2.3.44"));
        assertFalse(match(Tag.StudyInstanceUID, VR.UI, "1.2.3.*"), "no wildcards in UIDs");
    }

    @Test
    void dateTimeAndDateTimeRanges() {
        assertTrue(match(Tag.StudyDate, VR.DA, "20240315"));
        assertTrue(match(Tag.StudyDate, VR.DA, "20240301-20240331"));
        assertTrue(match(Tag.StudyDate, VR.DA, "20240315-"));
        assertTrue(match(Tag.StudyDate, VR.DA, "-20240315"));
        assertFalse(match(Tag.StudyDate, VR.DA, "20240316-"));
        assertFalse(match(Tag.StudyDate, VR.DA, "-20240314"));
        assertTrue(match(Tag.StudyTime, VR.TM, "1030"), "a single time stands for the minute it names");
        assertTrue(match(Tag.StudyTime, VR.TM, "1000-1030"), "the upper end includes its whole minute");
        assertFalse(match(Tag.StudyTime, VR.TM, "1031-"));
        assertTrue(match(Tag.StudyTime, VR.TM, "103015.25"));
        assertTrue(match(Tag.AcquisitionDateTime, VR.DT, "2024-2024"));
        assertTrue(match(Tag.AcquisitionDateTime, VR.DT, "202403151030-"));
        assertFalse(match(Tag.AcquisitionDateTime, VR.DT, "-20240314"));
    }

    @Test
    void combinedDateAndTimeIsOneRangeOnlyWhenNegotiated() {
        Attributes keys = new Attributes();
        keys.setString(Tag.StudyDate, VR.DA, "20240314-20240315");
        keys.setString(Tag.StudyTime, VR.TM, "1100-0900");
        // separately: the time 10:30 is not within 11:00-09:00; combined: 14th 11:00 to 15th 09:00, not 15th 10:30
        assertFalse(AttributeMatching.matches(keys, stored(), FUZZY));
        assertFalse(AttributeMatching.matches(keys, stored(), COMBINED));
        keys.setString(Tag.StudyTime, VR.TM, "1100-1100");
        assertFalse(AttributeMatching.matches(keys, stored(), FUZZY), "10:30 is not 11:00 read alone");
        assertTrue(AttributeMatching.matches(keys, stored(), COMBINED), "14th 11:00 to 15th 11:00 holds 15th 10:30");
        keys.setString(Tag.StudyDate, VR.DA, "20240315-");
        keys.setString(Tag.StudyTime, VR.TM, "1031-");
        assertFalse(AttributeMatching.matches(keys, stored(), COMBINED), "from the 15th 10:31 on");
    }

    @Test
    void emptyValueMatchingMatchesOnlyEmptyOrAbsentValues() {
        assertTrue(match(Tag.AccessionNumber, VR.SH, "\"\""));
        assertTrue(match(Tag.ReferringPhysicianName, VR.PN, "\"\""));
        assertFalse(match(Tag.StudyDescription, VR.LO, "\"\""));
    }

    @Test
    void personNamesIgnoreCaseAndTrailingEmptyComponentsUnlessExact() {
        assertTrue(match(Tag.PatientName, VR.PN, "DOE^JOHN"));
        assertTrue(match(Tag.PatientName, VR.PN, "doe^john^"));
        assertTrue(match(Tag.PatientName, VR.PN, "do*"));
        assertFalse(match(Tag.PatientName, VR.PN, "DOE"), "a missing given name is not an empty one");
        assertFalse(match(Tag.PatientName, VR.PN, "DOE^JOHN", EXACT));
        assertTrue(match(Tag.PatientName, VR.PN, "Doe^John^^^", EXACT));
        assertTrue(match(Tag.PatientName, VR.PN, "Doe*", EXACT));
        assertFalse(match(Tag.PatientName, VR.PN, "doe*", EXACT));
        assertEquals("YAMADA^TAROU=山田^太郎", AttributeMatching.normalizedName("Yamada^Tarou^^=山田^太郎=^^"));
        assertTrue(AttributeMatching.personNameMatches("山田^太郎", "Yamada^Tarou=山田^太郎=やまだ^たろう", true),
                "a key without '=' matches any one component group");
        assertTrue(AttributeMatching.personNameMatches("yamada*", "Yamada^Tarou=山田^太郎", true));
    }

    @Test
    void sequenceMatchingNeedsOneItemThatMatchesEveryKeyOfTheRequestItem() {
        Attributes keys = new Attributes();
        Attributes item = keys.newSequence(Tag.ProcedureCodeSequence).addItem();
        item.setString(Tag.CodeValue, VR.SH, "Y2");
        item.setString(Tag.CodingSchemeDesignator, VR.SH, "DCM");
        assertTrue(AttributeMatching.matches(keys, stored(), FUZZY));
        item.setString(Tag.CodingSchemeDesignator, VR.SH, "LOCAL");
        assertFalse(AttributeMatching.matches(keys, stored(), FUZZY), "X1/LOCAL and Y2/DCM, never Y2/LOCAL");
        Attributes universal = new Attributes();
        universal.newSequence(Tag.ProcedureCodeSequence).addItem().setNull(Tag.CodeValue, VR.SH);
        assertTrue(AttributeMatching.matches(universal, stored(), FUZZY));
        Attributes absent = new Attributes();
        absent.newSequence(Tag.RequestAttributesSequence).addItem().setString(Tag.ScheduledProcedureStepID, VR.SH, "1");
        assertFalse(AttributeMatching.matches(absent, stored(), FUZZY));
    }

    @Test
    void everyKeyMustMatch() {
        Attributes keys = new Attributes();
        keys.setString(Tag.PatientName, VR.PN, "DOE*");
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        keys.setString(Tag.StudyDate, VR.DA, "20240101-");
        assertTrue(AttributeMatching.matches(keys, stored(), FUZZY));
        keys.setString(Tag.ModalitiesInStudy, VR.CS, "MR");
        assertFalse(AttributeMatching.matches(keys, stored(), FUZZY));
        keys.setString(Tag.ModalitiesInStudy, VR.CS, "MR", "CT");
        assertTrue(AttributeMatching.matches(keys, stored(), FUZZY), "a list of values: any of them");
    }
}
