package org.beaconpacs.archive.storage;

import java.util.List;

/**
 * An event: an object is stored (durable as the durability mode promises, and indexed), whatever brought
 * it. Fired after the index commit and outside the study's lock; observers (activity notes, and storage
 * commitment and audit to come) must not slow the store down.
 *
 * @param path the file, relative to the storage root
 * @param notes what the sender's administrator should know (patient data that differ from the stored)
 */
public record InstanceStored(StoreContext context, String sopClassUid, String sopInstanceUid, String studyUid,
                             String seriesUid, String transferSyntax, String path, long size, List<String> notes) {
}
