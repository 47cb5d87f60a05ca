package org.beaconpacs.archive.study;

/**
 * A user read a study's attributes, series or instances through the console or the REST API (for the audit
 * trail: DICOM Instances Accessed). The user is the caller of the thread that fires it.
 */
public record StudyAccessed(String studyUid, String patientId, String patientName) {
}
