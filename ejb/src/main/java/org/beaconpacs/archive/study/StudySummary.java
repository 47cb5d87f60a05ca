package org.beaconpacs.archive.study;

import java.io.Serializable;
import java.time.Instant;

/** A study as lists show it. */
public record StudySummary(String studyUid, String patientId, String patientName, String patientBirthDate,
                           String patientSex, String studyDate, String studyTime, String accessionNumber,
                           String studyId, String description, String modalities, int numberOfSeries,
                           int numberOfInstances, long sizeBytes, Instant received) implements Serializable {
}
