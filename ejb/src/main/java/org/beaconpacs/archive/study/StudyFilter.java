package org.beaconpacs.archive.study;

import java.io.Serializable;

/**
 * What to look for in the study list; null or blank fields do not filter. {@code patientName} takes
 * DICOM wildcards ({@code *}, {@code ?}) and matches case-insensitively; dates are YYYYMMDD, inclusive.
 */
public record StudyFilter(String patientId, String patientName, String accessionNumber, String fromDate,
                          String toDate, String modality) implements Serializable {
}
