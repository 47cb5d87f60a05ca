package org.beaconpacs.archive.storage;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises index transactions of the same study within this server (striped: 256 locks), so that two
 * instances of a new study do not both create it; other studies go on in parallel. Held around the
 * whole transaction, from before its first read to after its commit.
 */
public final class StudyLocks {

    private final ReentrantLock[] stripes = new ReentrantLock[256];

    StudyLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    ReentrantLock of(String studyUid) {
        return stripes[studyUid.hashCode() & 0xFF];
    }
}
