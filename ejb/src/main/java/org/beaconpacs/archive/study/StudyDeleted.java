package org.beaconpacs.archive.study;

/**
 * An event: a study is deleted, its files and its index rows.
 *
 * @param files how many files went with it
 * @param study the study as it was (its patient), or null when a delete a crash interrupted is finished
 */
public record StudyDeleted(String studyUid, int files, StudySummary study) {
}
