package org.beaconpacs.archive.ups;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.beaconpacs.archive.entity.worklist.ScheduledStep;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;

/**
 * A scheduled step of the worklist seen as a Unified Procedure Step: its UID derived from the order's Study
 * Instance UID and the step's ID (stable while the order is edited), its attributes mapped from the
 * Modality Worklist ones (patient, Scheduled Procedure Step Description to Procedure Step Label, start date
 * and time to Scheduled Procedure Step Start DateTime, Scheduled Protocol Code Sequence to Scheduled Workitem
 * Code Sequence, the order in the Referenced Request Sequence), and its status to a Procedure Step State.
 */
final class WorklistUps {

    private static final int[] PATIENT = {Tag.PatientName, Tag.PatientID, Tag.IssuerOfPatientID, Tag.PatientBirthDate,
            Tag.PatientSex, Tag.OtherPatientIDsSequence};

    private WorklistUps() {
    }

    /** The workitem UID of step {@code stepId} of the order of {@code studyUid} (a 2.25 UUID-derived UID). */
    static String uid(String studyUid, String stepId) {
        UUID u = UUID.nameUUIDFromBytes(("beacon-worklist-step:" + studyUid + "/" + stepId)
                .getBytes(StandardCharsets.UTF_8));
        byte[] bytes = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits())
                .array();
        return "2.25." + new BigInteger(1, bytes);
    }

    /** Scheduled Procedure Step Status to Procedure Step State. */
    static ProcedureStepState state(String stepStatus) {
        if (stepStatus == null) {
            return ProcedureStepState.SCHEDULED;
        }
        return switch (stepStatus.strip()) {
            case "STARTED", "DEPARTED" -> ProcedureStepState.IN_PROGRESS;
            case "COMPLETED" -> ProcedureStepState.COMPLETED;
            case "DISCONTINUED" -> ProcedureStepState.CANCELED;
            default -> ProcedureStepState.SCHEDULED;
        };
    }

    /** Procedure Step State to the Scheduled Procedure Step Status it makes the step. */
    static ScheduledStep.Status stepStatus(ProcedureStepState state) {
        return switch (state) {
            case IN_PROGRESS -> ScheduledStep.Status.STARTED;
            case COMPLETED -> ScheduledStep.Status.COMPLETED;
            case CANCELED -> ScheduledStep.Status.DISCONTINUED;
            default -> ScheduledStep.Status.SCHEDULED;
        };
    }

    /** The UPS attributes of a worklist answer {@code mwl} and its step {@code sps} (no state, no UIDs). */
    static Attributes of(Attributes mwl, Attributes sps) {
        Attributes ups = new Attributes();
        for (int tag : PATIENT) {
            if (mwl.contains(tag)) {
                ups.setValue(tag, mwl.getVR(tag), mwl.getValue(tag));
            }
        }
        String label = sps.getString(Tag.ScheduledProcedureStepDescription,
                mwl.getString(Tag.RequestedProcedureDescription, sps.getString(Tag.Modality, "")));
        ups.setString(Tag.ProcedureStepLabel, VR.LO, label);
        ups.setString(Tag.WorklistLabel, VR.LO, sps.getString(Tag.ScheduledStationAETitle, sps.getString(Tag.Modality,
                "WORKLIST")));
        String date = sps.getString(Tag.ScheduledProcedureStepStartDate);
        if (date != null && !date.isEmpty()) {
            ups.setString(Tag.ScheduledProcedureStepStartDateTime, VR.DT, date
                    + sps.getString(Tag.ScheduledProcedureStepStartTime, ""));
        }
        ups.setString(Tag.ScheduledProcedureStepPriority, VR.CS, priority(mwl.getString(Tag.RequestedProcedurePriority)));
        copy(sps, Tag.ScheduledProtocolCodeSequence, ups, Tag.ScheduledWorkitemCodeSequence);
        ups.setString(Tag.StudyInstanceUID, VR.UI, mwl.getString(Tag.StudyInstanceUID));
        Attributes request = new Attributes();
        for (int tag : new int[]{Tag.AccessionNumber, Tag.StudyInstanceUID, Tag.RequestedProcedureID,
                Tag.RequestedProcedureDescription}) {
            if (mwl.containsValue(tag)) {
                request.setValue(tag, mwl.getVR(tag), mwl.getValue(tag));
            }
        }
        copy(mwl, Tag.RequestedProcedureCodeSequence, request, Tag.RequestedProcedureCodeSequence);
        ups.newSequence(Tag.ReferencedRequestSequence).add(request);
        ups.setString(Tag.InputReadinessState, VR.CS, "READY");
        return ups;
    }

    private static String priority(String requested) {
        if (requested == null) {
            return "MEDIUM";
        }
        return switch (requested.strip()) {
            case "STAT", "HIGH" -> "HIGH";
            case "LOW" -> "LOW";
            default -> "MEDIUM";
        };
    }

    private static void copy(Attributes from, int fromTag, Attributes to, int toTag) {
        Sequence seq = from.getSequence(fromTag);
        if (seq == null || seq.isEmpty()) {
            return;
        }
        Sequence copy = to.newSequence(toTag);
        for (Attributes item : seq) {
            copy.add(new Attributes(item));
        }
    }
}
