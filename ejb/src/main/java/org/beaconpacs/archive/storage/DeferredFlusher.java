package org.beaconpacs.archive.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deferred durability: files renamed into place but not yet fsync'd. Each round fsyncs them and their
 * directories once (many files, one directory fsync each), and returns their paths to be marked durable.
 */
public final class DeferredFlusher {

    private static final Logger LOG = Logger.getLogger(DeferredFlusher.class.getName());

    private final Path root;
    private Set<Path> pending = new LinkedHashSet<>();

    DeferredFlusher(Path root) {
        this.root = root;
    }

    synchronized void pending(Path file) {
        pending.add(file);
    }

    /** fsyncs every pending file and directory; returns the storage-relative paths now durable. */
    List<String> flush() {
        Set<Path> round;
        synchronized (this) {
            if (pending.isEmpty()) {
                return List.of();
            }
            round = pending;
            pending = new LinkedHashSet<>();
        }
        List<Path> synced = new ArrayList<>();
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path file : round) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.force(true);
                synced.add(file);
                // the file's entry, and the entries of directories made for it, up to the root
                for (Path d = file.getParent(); d != null && d.startsWith(root); d = d.getParent()) {
                    dirs.add(d);
                }
            } catch (NoSuchFileException gone) {
                // replaced or deleted meanwhile
            } catch (IOException e) {
                LOG.log(Level.WARNING, "fsync of " + file + " failed; not durable yet, tried again later", e);
                pending(file);
            }
        }
        try {
            for (Path dir : dirs) {
                try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                    ch.force(true);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "fsync of the storage's directories failed; not durable yet, tried again later", e);
            synced.forEach(this::pending);
            return List.of();
        }
        List<String> durable = new ArrayList<>();
        for (Path file : synced) {
            durable.add(root.relativize(file).toString().replace('\\', '/'));
        }
        return durable;
    }

    /**
     * fsyncs {@code files} and their directories as the flusher does (a file's fsync alone need not keep its
     * name); the storage-relative paths of those now durable. One that fails is left out: not durable yet.
     */
    static List<String> makeDurable(Path root, List<Path> files) {
        DeferredFlusher flusher = new DeferredFlusher(root);
        files.forEach(flusher::pending);
        return flusher.flush();
    }
}
