package org.beaconpacs.archive.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;

/**
 * fsync of directories, so that a rename survives a power loss, grouped: when several threads ask for
 * the same directory, one fsync that starts after all their renames serves them all (group commit).
 */
public final class DirectorySync {

    private final ConcurrentHashMap<Path, Group> groups = new ConcurrentHashMap<>();

    /** Returns once an fsync of {@code dir} that began after this call has completed. */
    void sync(Path dir) throws IOException {
        Group g = groups.computeIfAbsent(dir, d -> new Group());
        long mine;
        synchronized (g) {
            mine = ++g.requested;
        }
        synchronized (g.fsync) {
            if (g.completed >= mine) {
                return; // an fsync that started after our rename already covered us
            }
            long covers;
            synchronized (g) {
                covers = g.requested;
            }
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            }
            g.completed = covers;
        }
        groups.remove(dir, g); // a stale group is recreated on demand; memory stays bounded
    }

    private static final class Group {
        final Object fsync = new Object();
        long requested;
        long completed;
    }
}
