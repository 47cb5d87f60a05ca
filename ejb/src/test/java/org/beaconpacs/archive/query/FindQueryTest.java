package org.beaconpacs.archive.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beaconpacs.archive.index.Level;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

class FindQueryTest {

    private static final AttributeMatching.Options OPTIONS = new AttributeMatching.Options(true, false);

    private static Attributes identifier(String level) {
        Attributes keys = new Attributes();
        if (level != null) {
            keys.setString(Tag.QueryRetrieveLevel, VR.CS, level);
        }
        return keys;
    }

    private static InvalidQueryException invalid(QueryRetrieveModel model, Attributes keys, boolean relational) {
        return assertThrows(InvalidQueryException.class, () -> FindQuery.of(model, keys, relational, OPTIONS));
    }

    @Test
    void theLevelMustBeGivenAndBelongToTheModel() throws InvalidQueryException {
        InvalidQueryException missing = invalid(QueryRetrieveModel.STUDY_ROOT, identifier(null), false);
        assertEquals(Tag.QueryRetrieveLevel, missing.offendingTag());
        assertEquals(InvalidQueryException.Kind.IDENTIFIER, missing.kind());
        invalid(QueryRetrieveModel.STUDY_ROOT, identifier("PATIENT"), false);
        invalid(QueryRetrieveModel.PATIENT_STUDY_ONLY, identifier("SERIES"), false);
        invalid(QueryRetrieveModel.PATIENT_ROOT, identifier("FRAME"), false);
        assertEquals(Level.INSTANCE, FindQuery.of(QueryRetrieveModel.STUDY_ROOT, withStudyAndSeries(identifier("IMAGE")),
                false, OPTIONS).level());
        assertEquals("IMAGE", FindQuery.of(QueryRetrieveModel.STUDY_ROOT, withStudyAndSeries(identifier("IMAGE")),
                false, OPTIONS).levelName());
    }

    private static Attributes withStudyAndSeries(Attributes keys) {
        keys.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        keys.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.4");
        return keys;
    }

    @Test
    void aHierarchicalQueryNeedsOneUniqueKeyOfEachLevelAbove() throws InvalidQueryException {
        Attributes series = identifier("SERIES");
        InvalidQueryException e = invalid(QueryRetrieveModel.STUDY_ROOT, series, false);
        assertEquals(Tag.StudyInstanceUID, e.offendingTag());
        assertTrue(e.getMessage().contains("StudyInstanceUID"), e.getMessage());
        series.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3", "1.2.4");
        invalid(QueryRetrieveModel.STUDY_ROOT, series, false); // a list is not one
        series.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        FindQuery.of(QueryRetrieveModel.STUDY_ROOT, series, false, OPTIONS);
        InvalidQueryException patient = invalid(QueryRetrieveModel.PATIENT_ROOT, series, false);
        assertEquals(Tag.PatientID, patient.offendingTag());
        series.setString(Tag.PatientID, VR.LO, "P*");
        invalid(QueryRetrieveModel.PATIENT_ROOT, series, false); // a wildcard is not one
        series.setString(Tag.PatientID, VR.LO, "P1");
        FindQuery.of(QueryRetrieveModel.PATIENT_ROOT, series, false, OPTIONS);
    }

    @Test
    void aRelationalQueryMayLeaveOutTheKeysAbove() throws InvalidQueryException {
        Attributes image = identifier("IMAGE");
        image.setString(Tag.PatientName, VR.PN, "DOE*");
        FindQuery q = FindQuery.of(QueryRetrieveModel.PATIENT_ROOT, image, true, OPTIONS);
        assertTrue(q.relational());
    }

    @Test
    void malformedDateRangesAndSequencesOfSeveralItemsAreRefused() {
        Attributes study = identifier("STUDY");
        study.setString(Tag.StudyDate, VR.DA, "2024-03-01");
        InvalidQueryException date = invalid(QueryRetrieveModel.STUDY_ROOT, study, false);
        assertEquals(InvalidQueryException.Kind.VALUE, date.kind());
        assertEquals(Tag.StudyDate, date.offendingTag());
        study.setString(Tag.StudyDate, VR.DA, "20240301-");
        study.setString(Tag.StudyTime, VR.TM, "25");
        assertEquals(Tag.StudyTime, invalid(QueryRetrieveModel.STUDY_ROOT, study, false).offendingTag());
        study.remove(Tag.StudyTime);
        var codes = study.newSequence(Tag.ProcedureCodeSequence);
        codes.addItem().setString(Tag.CodeValue, VR.SH, "A");
        codes.addItem().setString(Tag.CodeValue, VR.SH, "B");
        assertEquals(Tag.ProcedureCodeSequence, invalid(QueryRetrieveModel.STUDY_ROOT, study, false).offendingTag());
    }

    @Test
    void answersTheRequestorsCharacterSetWhereItCanWriteTheAnswerElseUtf8() {
        Attributes answer = new Attributes();
        answer.setString(Tag.PatientName, VR.PN, "Müller^Hans");
        assertArrayEquals(new String[] {"ISO_IR 100"}, FindScp.answerCharset(new String[] {"ISO_IR 100"}, answer));
        assertArrayEquals(new String[] {"ISO_IR 192"}, FindScp.answerCharset(null, answer), "ASCII by default");
        answer.setString(Tag.PatientName, VR.PN, "Wang^XiaoDong=王^小东");
        assertArrayEquals(new String[] {"GB18030"}, FindScp.answerCharset(new String[] {"GB18030"}, answer));
        assertArrayEquals(new String[] {"ISO_IR 192"}, FindScp.answerCharset(new String[] {"ISO_IR 100"}, answer));
        answer.setString(Tag.PatientName, VR.PN, "Doe^John");
        assertArrayEquals(new String[0], FindScp.answerCharset(null, answer));
    }
}
