package org.beaconpacs.archive.worklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.beaconpacs.archive.entity.worklist.ScheduledStep;
import org.beaconpacs.archive.input.InvalidInputException;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.uid.UIDs;
import org.junit.jupiter.api.Test;

class WorklistEntryTest {

    private static Attributes item(Attributes... steps) {
        Attributes a = new Attributes();
        a.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        a.setString(Tag.PatientID, VR.LO, "P1");
        a.setString(Tag.PatientName, VR.PN, "Doe^Jane");
        a.setString(Tag.PatientBirthDate, VR.DA, "19700101");
        a.setString(Tag.AccessionNumber, VR.SH, "A1");
        a.setString(Tag.MedicalAlerts, VR.LO, "none");
        var sps = a.newSequence(Tag.ScheduledProcedureStepSequence);
        for (Attributes s : steps) {
            sps.add(s);
        }
        return a;
    }

    private static Attributes step(String modality, String date, String... aes) {
        Attributes s = new Attributes();
        if (modality != null) {
            s.setString(Tag.Modality, VR.CS, modality);
        }
        if (date != null) {
            s.setString(Tag.ScheduledProcedureStepStartDate, VR.DA, date);
        }
        s.setString(Tag.ScheduledStationAETitle, VR.AE, aes);
        s.setString(Tag.ScheduledPerformingPhysicianName, VR.PN, "House^Greg");
        return s;
    }

    @Test
    void anItemIsSplitIntoPatientOrderAndStepsAndGetsTheIdentifiersItLacks() {
        WorklistEntry e = WorklistEntry.of(item(step("CT", "20261202", "CT1", "CT2"), step("MR", "20261203")));
        assertEquals("Doe^Jane", e.patient().getString(Tag.PatientName));
        assertNull(e.order().getString(Tag.PatientName), "the patient's attributes go with the patient");
        assertEquals("none", e.order().getString(Tag.MedicalAlerts), "a visit's go with the order");
        assertEquals("ISO_IR 100", e.order().getString(Tag.SpecificCharacterSet));
        assertTrue(UIDs.isValid(e.order().getString(Tag.StudyInstanceUID)), "a Study Instance UID is made");
        assertEquals(2, e.steps().size());
        WorklistEntry.Step ct = e.steps().get(0);
        assertEquals(Set.of("CT1", "CT2"), ct.stationAeTitles());
        assertEquals(ScheduledStep.Status.SCHEDULED, ct.status());
        assertEquals("SCHEDULED", ct.item().getString(Tag.ScheduledProcedureStepStatus));
        assertNotNull(ct.stepId());
        assertEquals(ct.stepId(), ct.item().getString(Tag.ScheduledProcedureStepID));
        assertEquals(ct.stepId(), e.order().getString(Tag.RequestedProcedureID), "made from the first step's");
        assertEquals("HOUSE^GREG", ct.performingPhysician());
    }

    @Test
    void everyWrongFieldIsNamed() {
        Attributes bad = item(step(null, "2026-1-2", "AN AE TITLE LONGER THAN 16"));
        bad.remove(Tag.PatientID);
        bad.setString(Tag.StudyInstanceUID, VR.UI, "1.2.abc");
        bad.getSequence(Tag.ScheduledProcedureStepSequence).get(0).setString(Tag.ScheduledProcedureStepStatus,
                VR.CS, "LATER");
        var problems = assertThrows(InvalidInputException.class, () -> WorklistEntry.of(bad)).problems();
        assertEquals(Set.of("PatientID", "StudyInstanceUID", "ScheduledProcedureStepSequence[1].Modality",
                "ScheduledProcedureStepSequence[1].ScheduledProcedureStepStartDate",
                "ScheduledProcedureStepSequence[1].ScheduledStationAETitle",
                "ScheduledProcedureStepSequence[1].ScheduledProcedureStepStatus"), problems.keySet());
        assertTrue(problems.get("ScheduledProcedureStepSequence[1].ScheduledProcedureStepStartDate")
                .contains("2026-1-2"), problems.toString());
        var none = assertThrows(InvalidInputException.class, () -> WorklistEntry.of(item())).problems();
        assertTrue(none.containsKey("ScheduledProcedureStepSequence"), none.toString());
    }

    @Test
    void aQueryOutsideTheModelIsFlaggedAndByDefaultLeavesFinishedStepsOut() {
        Attributes keys = new Attributes();
        keys.setNull(Tag.PatientName, VR.PN);
        keys.newSequence(Tag.ScheduledProcedureStepSequence).add(new Attributes());
        WorklistQuery q = WorklistQuery.of(keys, true);
        assertFalse(q.unsupportedKeys());
        assertFalse(q.statuses().contains(ScheduledStep.Status.COMPLETED));
        assertFalse(q.statuses().contains(ScheduledStep.Status.DISCONTINUED));
        assertTrue(q.statuses().contains(ScheduledStep.Status.SCHEDULED));
        keys.setNull(Tag.SeriesInstanceUID, VR.UI);
        keys.getSequence(Tag.ScheduledProcedureStepSequence).get(0).setString(Tag.ScheduledProcedureStepStatus, VR.CS,
                "COMPLETED");
        q = WorklistQuery.of(keys, true);
        assertTrue(q.unsupportedKeys(), "Series Instance UID is no worklist attribute");
        assertEquals(Set.of(ScheduledStep.Status.COMPLETED), q.statuses());
    }
}
