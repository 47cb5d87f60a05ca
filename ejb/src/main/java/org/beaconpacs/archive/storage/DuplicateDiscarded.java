package org.beaconpacs.archive.storage;

/**
 * An event: an object arrived under a stored SOP Instance UID with other content, and the first one was
 * kept (the "keep-first" duplicates policy).
 */
public record DuplicateDiscarded(StoreContext context, String sopInstanceUid) {
}
