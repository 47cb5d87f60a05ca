package org.beaconpacs.archive.storage;

import java.nio.file.Path;

/**
 * A data set received into a temporary Part 10 file: its size and its digest (of the data set), which may
 * still be finishing. Closed when the store is done with it.
 */
record ReceivedObject(Path temporary, long size, PendingDigest digest, String transferSyntax)
        implements AutoCloseable {

    @Override
    public void close() {
        digest.close();
    }
}
