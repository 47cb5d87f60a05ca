package org.beaconpacs.archive.storage;

import java.io.InputStream;

/**
 * One object to store: what the sender says it is and its data set, a stream in {@code transferSyntax}
 * (no file meta information), read once and never held in memory.
 */
public record StoreRequest(StoreContext context, String sopClassUid, String sopInstanceUid, String transferSyntax,
                           InputStream dataset) {
}
