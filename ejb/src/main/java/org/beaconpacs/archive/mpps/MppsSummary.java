package org.beaconpacs.archive.mpps;

import org.beaconpacs.archive.entity.mpps.PerformedProcedureStep;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;

/**
 * A Performed Procedure Step as the console and REST show it with its study: who performed what, when,
 * its status, and how many of the series it reports performed have arrived.
 */
public record MppsSummary(String sopInstanceUid, String status, String performedStationAe, String modality,
                          String procedureStepId, String description, String startDate, String startTime,
                          String endDate, String endTime, String scheduledStepId, int performedSeries,
                          int seriesArrived) {

    static MppsSummary of(PerformedProcedureStep m, Attributes a, int arrived) {
        return new MppsSummary(m.getSopInstanceUid(), m.getStatus().dicom(), m.getPerformedStationAe(),
                m.getModality(), a.getString(Tag.PerformedProcedureStepID),
                a.getString(Tag.PerformedProcedureStepDescription), m.getStartDate(), m.getStartTime(),
                a.getString(Tag.PerformedProcedureStepEndDate), a.getString(Tag.PerformedProcedureStepEndTime),
                m.getStepId(), m.getSeriesUids().size(), arrived);
    }

    /** Every series it reports performed is in the archive. */
    public boolean complete() {
        return seriesArrived >= performedSeries;
    }
}
