package org.beaconpacs.archive.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the storage has more than its threshold free, checked at most once a second (a file store query
 * per object would cost more than the answer is worth). The threshold is read at each check, so an
 * administrator may change the system property at run time.
 */
final class FreeSpace {

    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final Path root;
    private volatile long checkedAt = System.nanoTime() - RECHECK_NANOS - 1;
    private volatile boolean free = true;

    FreeSpace(Path root) {
        this.root = root;
    }

    boolean isAvailable() {
        long now = System.nanoTime();
        if (now - checkedAt > RECHECK_NANOS) {
            try {
                free = Files.getFileStore(root).getUsableSpace() >= StorageSettings.minFreeBytes();
            } catch (IOException e) {
                free = false;
            }
            checkedAt = now;
        }
        return free;
    }
}
