package org.beaconpacs.archive.mpps;

import java.util.ArrayList;
import java.util.List;
import org.beaconpacs.archive.entity.mpps.PerformedProcedureStep;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.dict.ElementDictionary;
import org.beaconpacs.dicom.dict.Tag;

/**
 * The checks of PS3.4 F.7.2 on a Performed Procedure Step: the Type 1 attributes of an N-CREATE (F.7.2.1),
 * its status IN PROGRESS, a status an N-SET may set, and what completing or discontinuing needs (F.7.2.2:
 * the end date and time).
 */
final class MppsRules {

    static final int NO_SUCH_ATTRIBUTE = 0x0105;
    static final int INVALID_ATTRIBUTE_VALUE = 0x0106;
    static final int PROCESSING_FAILURE = 0x0110;
    static final int DUPLICATE_SOP_INSTANCE = 0x0111;
    static final int NO_SUCH_SOP_INSTANCE = 0x0112;
    static final int MISSING_ATTRIBUTE = 0x0120;
    static final int MISSING_ATTRIBUTE_VALUE = 0x0121;
    /** PS3.4 Table F.7.2-2: "Performed Procedure Step Object may no longer be updated". */
    static final int NO_LONGER_UPDATABLE = 0xA710;

    /** Required with a value in an N-CREATE (Type 1 of Table F.7.2-1). */
    private static final int[] CREATE_TYPE_1 = {Tag.ScheduledStepAttributesSequence, Tag.PerformedProcedureStepID,
        Tag.PerformedStationAETitle, Tag.PerformedProcedureStepStartDate, Tag.PerformedProcedureStepStartTime,
        Tag.PerformedProcedureStepStatus, Tag.Modality};
    /** Set by the N-CREATE for good: an N-SET may not change them (Table F.7.2-1, "Not allowed"). */
    static final int[] NOT_SETTABLE = {Tag.ScheduledStepAttributesSequence, Tag.PerformedProcedureStepID,
        Tag.PerformedStationAETitle, Tag.PerformedProcedureStepStartDate, Tag.PerformedProcedureStepStartTime,
        Tag.Modality, Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate, Tag.PatientSex, Tag.StudyID,
        Tag.ReferencedPatientSequence, Tag.SOPInstanceUID, Tag.SOPClassUID};

    private MppsRules() {
    }

    /** The checks of an N-CREATE's attributes. */
    static void checkCreate(Attributes a) throws MppsRefused {
        List<Integer> missing = new ArrayList<>();
        List<Integer> empty = new ArrayList<>();
        for (int tag : CREATE_TYPE_1) {
            if (!a.contains(tag)) {
                missing.add(tag);
            } else if (!a.containsValue(tag)) {
                empty.add(tag);
            }
        }
        Sequence ssa = a.getSequence(Tag.ScheduledStepAttributesSequence);
        if (ssa != null) {
            for (Attributes item : ssa) {
                if (item.getString(Tag.StudyInstanceUID) == null) {
                    missing.add(Tag.StudyInstanceUID);
                    break;
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new MppsRefused(MISSING_ATTRIBUTE, "missing " + names(missing), null, ints(missing));
        }
        if (!empty.isEmpty()) {
            throw new MppsRefused(MISSING_ATTRIBUTE_VALUE, "no value in " + names(empty), null, ints(empty));
        }
        if (PerformedProcedureStep.Status.ofDicom(a.getString(Tag.PerformedProcedureStepStatus))
                != PerformedProcedureStep.Status.IN_PROGRESS) {
            throw new MppsRefused(INVALID_ATTRIBUTE_VALUE, "an MPPS is created IN PROGRESS, not "
                    + a.getString(Tag.PerformedProcedureStepStatus), null, Tag.PerformedProcedureStepStatus);
        }
    }

    /** The status an N-SET leaves, checked: {@code merged} is the instance with the modifications applied. */
    static PerformedProcedureStep.Status checkSet(Attributes merged) throws MppsRefused {
        String value = merged.getString(Tag.PerformedProcedureStepStatus);
        PerformedProcedureStep.Status status = PerformedProcedureStep.Status.ofDicom(value);
        if (status == null) {
            throw new MppsRefused(INVALID_ATTRIBUTE_VALUE, "Performed Procedure Step Status " + value
                    + ": IN PROGRESS, COMPLETED or DISCONTINUED", null, Tag.PerformedProcedureStepStatus);
        }
        if (status != PerformedProcedureStep.Status.IN_PROGRESS) {
            List<Integer> empty = new ArrayList<>();
            for (int tag : new int[] {Tag.PerformedProcedureStepEndDate, Tag.PerformedProcedureStepEndTime}) {
                if (!merged.containsValue(tag)) {
                    empty.add(tag);
                }
            }
            if (!empty.isEmpty()) {
                throw new MppsRefused(PROCESSING_FAILURE, status.dicom() + " needs " + names(empty), null,
                        ints(empty));
            }
        }
        return status;
    }

    private static String names(List<Integer> tags) {
        return String.join(", ", tags.stream().map(t -> ElementDictionary.keywordOf(t)
                + String.format(" (%04X,%04X)", t >>> 16, t & 0xFFFF)).toList());
    }

    private static int[] ints(List<Integer> tags) {
        return tags.stream().mapToInt(Integer::intValue).toArray();
    }
}
