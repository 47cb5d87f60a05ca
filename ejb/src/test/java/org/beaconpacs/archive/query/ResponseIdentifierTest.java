package org.beaconpacs.archive.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

class ResponseIdentifierTest {

    @Test
    void returnsTheRequestedKeysWithTheMatchesValuesAndTheLevel() throws InvalidQueryException {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setNull(Tag.PatientName, VR.PN);
        keys.setString(Tag.StudyDate, VR.DA, "2024*".replace("*", "0101-"));
        keys.setNull(Tag.ReferringPhysicianName, VR.PN);
        keys.newSequence(Tag.ProcedureCodeSequence).addItem().setNull(Tag.CodeValue, VR.SH);
        FindQuery q = FindQuery.of(QueryRetrieveModel.STUDY_ROOT, keys, false, new AttributeMatching.Options(true, false));

        Attributes match = new Attributes();
        match.setString(Tag.PatientName, VR.PN, "Doe^John");
        match.setString(Tag.StudyDate, VR.DA, "20240315");
        match.setString(Tag.StudyDescription, VR.LO, "not asked for");
        Attributes code = match.newSequence(Tag.ProcedureCodeSequence).addItem();
        code.setString(Tag.CodeValue, VR.SH, "X1");
        code.setString(Tag.CodeMeaning, VR.LO, "not asked for either");

        Attributes rsp = ResponseIdentifier.of(q, match, "BEACON");
        assertEquals("Doe^John", rsp.getString(Tag.PatientName));
        assertEquals("20240315", rsp.getString(Tag.StudyDate));
        assertTrue(rsp.contains(Tag.ReferringPhysicianName), "asked for, empty");
        assertEquals(0, rsp.getStrings(Tag.ReferringPhysicianName).length);
        assertFalse(rsp.contains(Tag.StudyDescription));
        assertEquals("X1", rsp.getSequence(Tag.ProcedureCodeSequence).get(0).getString(Tag.CodeValue));
        assertFalse(rsp.getSequence(Tag.ProcedureCodeSequence).get(0).contains(Tag.CodeMeaning));
        assertEquals("STUDY", rsp.getString(Tag.QueryRetrieveLevel));
        assertEquals("BEACON", rsp.getString(Tag.RetrieveAETitle));
        assertEquals("ONLINE", rsp.getString(Tag.InstanceAvailability));
    }

    @Test
    void theLevelsUniqueKeyIsReturnedEvenWhenNotAskedFor() throws InvalidQueryException {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "SERIES");
        keys.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        keys.setNull(Tag.Modality, VR.CS);
        FindQuery q = FindQuery.of(QueryRetrieveModel.STUDY_ROOT, keys, false, new AttributeMatching.Options(true, false));
        Attributes match = new Attributes();
        match.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        match.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.4");
        match.setString(Tag.Modality, VR.CS, "CT");
        Attributes rsp = ResponseIdentifier.of(q, match, "BEACON");
        assertEquals("1.2.3.4", rsp.getString(Tag.SeriesInstanceUID));
        assertEquals("1.2.3", rsp.getString(Tag.StudyInstanceUID));
        assertFalse(keys.contains(Tag.SeriesInstanceUID), "the caller's identifier is left as it was");
    }
}
