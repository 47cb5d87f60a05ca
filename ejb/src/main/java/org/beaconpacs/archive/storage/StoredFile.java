package org.beaconpacs.archive.storage;

/** Where an indexed instance's file is (relative to the storage root) and its data set digest. */
public record StoredFile(String path, String digest) {
}
