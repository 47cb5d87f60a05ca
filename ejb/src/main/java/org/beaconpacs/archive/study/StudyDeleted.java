package org.beaconpacs.archive.study;

/**
 * An event: a study is deleted, its files and its index rows.
 *
 * @param files how many files went with it
 */
public record StudyDeleted(String studyUid, int files) {
}
