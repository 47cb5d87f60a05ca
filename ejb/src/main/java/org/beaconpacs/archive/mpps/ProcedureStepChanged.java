package org.beaconpacs.archive.mpps;

import java.util.List;
import org.beaconpacs.archive.entity.mpps.PerformedProcedureStep;

/**
 * A Performed Procedure Step was created or set (fired inside its transaction): the scheduled steps it
 * performs, each as Study Instance UID and Scheduled Procedure Step ID, follow its status.
 */
public record ProcedureStepChanged(String sopInstanceUid, PerformedProcedureStep.Status status,
                                   List<ScheduledStepRef> scheduledSteps) {

    /** One item of the Scheduled Step Attributes Sequence. */
    public record ScheduledStepRef(String studyInstanceUid, String scheduledProcedureStepId) {
    }
}
