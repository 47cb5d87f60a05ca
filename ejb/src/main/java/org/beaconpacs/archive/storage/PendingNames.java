package org.beaconpacs.archive.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stored objects whose final name is not yet durable (per-object durability with {@link IncomingSlots}):
 * each keeps its fsync'd slot, a second name of the same file, until the directory of its final name is
 * fsync'd. A round (StorageRuntime's timer, a clean stop, a study delete) fsyncs each directory once for
 * all the names it gained, then removes their slots and fsyncs {@code .incoming}, so that no slot of a
 * settled object comes back after a power loss.
 */
public final class PendingNames {

    private static final Logger LOG = Logger.getLogger(PendingNames.class.getName());

    private record Entry(Path slot, Path file) {
    }

    private final Path incoming;
    private final Object settling = new Object();
    private List<Entry> pending = new ArrayList<>();

    PendingNames(Path incoming) {
        this.incoming = incoming;
    }

    /** {@code file}, stored, keeps {@code slot} until its name is durable. */
    synchronized void add(Path slot, Path file) {
        pending.add(new Entry(slot, file));
    }

    /**
     * Before a stored file goes (replaced by another copy): its slot goes first, durably, or a power loss
     * could bring the old object back from it.
     */
    void discard(Path file) throws IOException {
        Entry found = null;
        synchronized (this) {
            for (int i = 0; i < pending.size() && found == null; i++) {
                if (pending.get(i).file().equals(file)) {
                    found = pending.remove(i);
                }
            }
        }
        if (found != null) {
            Files.deleteIfExists(found.slot());
            IncomingSlots.fsyncDirectory(incoming);
        }
    }

    /** One round: every name pending now made durable, then its slot removed. */
    void settle() {
        synchronized (settling) {
            List<Entry> round;
            synchronized (this) {
                if (pending.isEmpty()) {
                    return;
                }
                round = pending;
                pending = new ArrayList<>();
            }
            Set<Path> dirs = new LinkedHashSet<>();
            round.forEach(e -> dirs.add(e.file().getParent()));
            try {
                for (Path dir : dirs) {
                    if (Files.isDirectory(dir)) { // else its files went with it (a study deleted meanwhile)
                        IncomingSlots.fsyncDirectory(dir);
                    }
                }
                for (Entry e : round) {
                    Files.deleteIfExists(e.slot());
                }
                IncomingSlots.fsyncDirectory(incoming);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "fsync of the storage's directories failed; the slots stay and the "
                        + "next round tries again", e);
                synchronized (this) {
                    pending.addAll(round);
                }
            }
        }
    }
}
