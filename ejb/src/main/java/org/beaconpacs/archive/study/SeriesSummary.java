package org.beaconpacs.archive.study;

import java.io.Serializable;

/** A series as the drill-down shows it. */
public record SeriesSummary(String seriesUid, String modality, Integer seriesNumber, String description,
                            String bodyPart, String stationName, String sourceAe, int numberOfInstances)
        implements Serializable {
}
