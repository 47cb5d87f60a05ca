package org.beaconpacs.archive.worklist;

import java.util.Set;
import org.beaconpacs.archive.index.Level;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;

/**
 * The attributes of the Modality Worklist Information Model (PS3.4 K.6.1.2.2, the Scheduled Procedure Step,
 * Requested Procedure, Imaging Service Request, Visit and Patient entities) that the archive keeps,
 * matches and returns; a query key outside them is answered with zero length and a pending status of
 * 0xFF01 (optional keys not supported).
 */
final class WorklistKeys {

    /** The attributes of a Scheduled Procedure Step Sequence item. */
    static final Set<Integer> STEP = Set.of(Tag.ScheduledStationAETitle, Tag.ScheduledProcedureStepStartDate,
            Tag.ScheduledProcedureStepStartTime, Tag.ScheduledProcedureStepEndDate,
            Tag.ScheduledProcedureStepEndTime, Tag.Modality, Tag.ScheduledPerformingPhysicianName,
            Tag.ScheduledPerformingPhysicianIdentificationSequence, Tag.ScheduledProcedureStepDescription,
            Tag.ScheduledProtocolCodeSequence, Tag.ScheduledProcedureStepID, Tag.ScheduledStationName,
            Tag.ScheduledProcedureStepLocation, Tag.PreMedication, Tag.RequestedContrastAgent,
            Tag.ScheduledProcedureStepStatus, Tag.CommentsOnTheScheduledProcedureStep);

    /** The attributes of the other entities, at the top level of an item. */
    static final Set<Integer> ITEM = Set.of(Tag.SpecificCharacterSet, Tag.ScheduledProcedureStepSequence,
            // Requested Procedure
            Tag.RequestedProcedureID, Tag.RequestedProcedureDescription, Tag.RequestedProcedureCodeSequence,
            Tag.StudyInstanceUID, Tag.ReferencedStudySequence, Tag.RequestedProcedurePriority,
            Tag.PatientTransportArrangements, Tag.ReasonForTheRequestedProcedure, Tag.RequestedProcedureComments,
            Tag.ReasonForRequestedProcedureCodeSequence, Tag.RequestedProcedureLocation, Tag.ConfidentialityCode,
            Tag.ReportingPriority, Tag.NamesOfIntendedRecipientsOfResults,
            // Imaging Service Request
            Tag.AccessionNumber, Tag.IssuerOfAccessionNumberSequence, Tag.RequestingPhysician,
            Tag.ReferringPhysicianName, Tag.RequestingService, Tag.PlacerOrderNumberImagingServiceRequest,
            Tag.FillerOrderNumberImagingServiceRequest, Tag.ImagingServiceRequestComments,
            Tag.ReasonForTheImagingServiceRequest, Tag.IssueDateOfImagingServiceRequest,
            Tag.IssueTimeOfImagingServiceRequest, Tag.OrderEnteredBy, Tag.OrderEntererLocation,
            Tag.OrderCallbackPhoneNumber,
            // Visit
            Tag.AdmissionID, Tag.IssuerOfAdmissionIDSequence, Tag.CurrentPatientLocation,
            Tag.PatientInstitutionResidence, Tag.InstitutionName, Tag.InstitutionAddress, Tag.InstitutionCodeSequence,
            Tag.RouteOfAdmissions, Tag.AdmittingDate, Tag.AdmittingTime, Tag.AdmittingDiagnosesDescription,
            Tag.AdmittingDiagnosesCodeSequence, Tag.ReferencedPatientSequence, Tag.VisitStatusID,
            Tag.ReferencedVisitSequence,
            // Patient (those the index keeps with the patient: Level.PATIENT)
            Tag.PatientName, Tag.PatientID, Tag.IssuerOfPatientID, Tag.IssuerOfPatientIDQualifiersSequence,
            Tag.OtherPatientIDsSequence, Tag.OtherPatientNames, Tag.PatientBirthDate, Tag.PatientBirthTime,
            Tag.PatientSex, Tag.EthnicGroup, Tag.PatientComments, Tag.PatientSpeciesDescription,
            Tag.PatientBreedDescription, Tag.ResponsiblePerson,
            // Patient, kept with the order: they change from visit to visit
            Tag.PatientAge, Tag.PatientWeight, Tag.PatientSize, Tag.Occupation, Tag.AdditionalPatientHistory,
            Tag.ConfidentialityConstraintOnPatientDataDescription, Tag.PatientState, Tag.PregnancyStatus,
            Tag.MedicalAlerts, Tag.Allergies, Tag.SpecialNeeds, Tag.LastMenstrualDate, Tag.SmokingStatus);

    private WorklistKeys() {
    }

    /** Whether the query {@code keys} asks about something outside the model (PS3.4 K.4.1.3.1: 0xFF01). */
    static boolean unsupported(Attributes keys) {
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (!ITEM.contains(tag) && !isPrivateOrGroupLength(tag)) {
                return true;
            }
        }
        var steps = keys.getSequence(Tag.ScheduledProcedureStepSequence);
        if (steps != null && !steps.isEmpty()) {
            Attributes step = steps.get(0);
            for (int i = 0; i < step.size(); i++) {
                if (!STEP.contains(step.tagAt(i)) && !isPrivateOrGroupLength(step.tagAt(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A Scheduled Procedure Step Sequence key with an empty item asks for the whole step (PS3.4 K.2.2.1.2):
     * the item gets every attribute of the step, zero length, so that each is answered, present or not.
     */
    static void expandEmptyStep(Attributes keys) {
        var steps = keys.getSequence(Tag.ScheduledProcedureStepSequence);
        if (steps == null) {
            return;
        }
        if (steps.isEmpty()) {
            steps.add(new Attributes());
        }
        Attributes step = steps.get(0);
        if (!step.isEmpty()) {
            return;
        }
        for (int tag : STEP.stream().sorted(Integer::compareUnsigned).toList()) {
            org.beaconpacs.dicom.data.VR vr = org.beaconpacs.dicom.dict.ElementDictionary.vrOf(tag);
            if (vr == org.beaconpacs.dicom.data.VR.SQ) {
                step.newSequence(tag);
            } else {
                step.setNull(tag, vr);
            }
        }
    }

    /** Kept with the patient of the index rather than with the order. */
    static boolean isPatients(int tag) {
        return Level.of(tag) == Level.PATIENT;
    }

    private static boolean isPrivateOrGroupLength(int tag) {
        return (tag & 0x00010000) != 0 || (tag & 0xFFFF) == 0;
    }
}
