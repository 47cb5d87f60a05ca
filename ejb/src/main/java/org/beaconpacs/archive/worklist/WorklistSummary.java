package org.beaconpacs.archive.worklist;

import java.util.List;
import org.beaconpacs.archive.entity.worklist.ScheduledStep;
import org.beaconpacs.archive.entity.worklist.WorklistItem;
import org.beaconpacs.archive.index.AttributeBlobs;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;

/** One Scheduled Procedure Step as the console and the REST API list it, with its item's id. */
public record WorklistSummary(long itemId, String patientId, String patientName, String accessionNumber,
                              String requestedProcedureId, String studyInstanceUid, String stepId, String modality,
                              List<String> stationAeTitles, String stationName, String startDate, String startTime,
                              String description, String status) {

    static WorklistSummary of(ScheduledStep s) {
        WorklistItem item = s.getItem();
        Attributes step = AttributeBlobs.decode(s.getAttributes());
        return new WorklistSummary(item.getId(), item.getPatient().getPatientId(), item.getPatient().getName(),
                item.getAccessionNumber(), item.getRequestedProcedureId(), item.getStudyUid(), s.getStepId(),
                s.getModality(), s.getStationAeTitles().stream().sorted().toList(), s.getStationName(), s.getStartDate(),
                s.getStartTime(), step.getString(Tag.ScheduledProcedureStepDescription), s.getStatus().name());
    }

    /** The station AE titles, one string for a table cell. */
    public String stations() {
        return String.join(" ", stationAeTitles);
    }
}
