package org.beaconpacs.archive.storage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.beaconpacs.archive.config.Settings;
import org.beaconpacs.archive.index.IndexWriter;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;

/**
 * Makes the index agree with the files before the archive accepts anything (the listeners open after it): a slot of
 * per-object mode that holds a whole object (IncomingSlots) goes back into the place a power loss may have taken
 * from it; other temporary files, of unacknowledged transfers, are removed; objects not yet known durable are
 * checked (present, digest matching) and kept or forgotten; after an unclean stop, the files that the index lacks
 * (their commit was not yet on disk) are indexed again through the store path, walking the day folders from the
 * newest day the index knows, whenever the restart comes (then StudyRecovery finishes interrupted study deletes). A
 * marker written at a clean stop spares the walk.
 * <p>
 * In a cluster each node recovers what it may have left: its own temporary files, and after its own unclean stop
 * (each node has its own marker) the walk, which also meets files other nodes are placing at that moment: their
 * index transactions and the re-index's meet on the study's row, and the second finds the first's row for the same
 * file (nothing removed, nothing twice).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "StorageRuntime"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StorageRecovery {

    private static final Logger LOG = Logger.getLogger(StorageRecovery.class.getName());

    @EJB
    private StorageRuntime runtime;
    @EJB
    private IndexWriter index;
    @Inject
    private StorageService storage;

    @PostConstruct
    void recover() {
        StorageSettings s = runtime.settings();
        try {
            int slots = recoverSlots(s);
            int temporary = removeTemporaryFiles(s.incoming());
            int checked = checkNotDurable(s);
            Path marker = cleanStopMarker(s);
            int reindexed = 0;
            if (!Files.deleteIfExists(marker)) {
                // a commit the crash lost is younger than every commit the index kept: its file lies in the
                // day folder of the newest path indexed or a later one, however long ago the crash was
                LocalDate from = StoragePaths.dayOf(runtime.newestPath());
                for (Path day : StoragePaths.dayFoldersFrom(s.root(), from)) {
                    reindexed += reindexDay(s, day);
                }
            }
            int t = temporary;
            int c = checked;
            int r = reindexed;
            LOG.info(() -> "storage recovery: " + slots + " slots holding a stored object put back in place, " + t
                    + " temporary files removed, " + c
                    + " not-yet-durable objects checked, " + r + " files re-indexed");
        } catch (IOException e) {
            throw new UncheckedIOException("storage recovery failed", e);
        }
    }

    @PreDestroy
    void cleanStop() {
        try {
            runtime.flushNow();
            Files.writeString(cleanStopMarker(runtime.settings()), LocalDate.now() + "\n");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not mark a clean stop; the next start walks the latest files", e);
        }
    }

    /** The marker of this server's clean stop; a cluster node's own ({@code .clean-stop.<node>}). */
    static Path cleanStopMarker(StorageSettings s) {
        return s.root().resolve(Settings.clustered() ? ".clean-stop." + Settings.nodeFolderName() : ".clean-stop");
    }

    /**
     * The slots whose object was fsync'd whole (their content matches their mark), each back under its name
     * (a power loss may have lost the name, never made durable, while the slot's was) and indexed if the
     * index lacks it. A slot that fails this never had its fsync completed, so it was never acknowledged.
     */
    private int recoverSlots(StorageSettings s) throws IOException {
        if (!Files.isDirectory(s.incoming())) {
            return 0;
        }
        int n = 0;
        try (Stream<Path> files = Files.list(s.incoming())) {
            for (Path slot : files.toList()) {
                Path placed = placeWholeSlot(s, slot);
                if (placed == null) {
                    continue;
                }
                n++;
                String relative = s.root().relativize(placed).toString().replace('\\', '/');
                if (runtime.isIndexed(relative)) {
                    if (DeferredFlusher.makeDurable(s.root(), List.of(placed)).isEmpty()) {
                        throw new IOException("cannot fsync " + placed + " and its directories");
                    }
                } else {
                    reindex(placed, relative); // fsyncs it and its directories first
                }
            }
        }
        return n;
    }

    /**
     * Where a slot's object belongs (its mark's day, then its UIDs), after putting it there if that name
     * was lost; null when the slot holds no whole object, or another file has that name (a copy the store
     * did not keep there).
     */
    private static Path placeWholeSlot(StorageSettings s, Path slot) throws IOException {
        String relative;
        try {
            IncomingSlots.Mark mark = IncomingSlots.markOf(slot);
            if (mark == null || !ObjectReceiver.digestOf(slot, mark.algorithm()).equals(mark.hexDigest())) {
                return null;
            }
            Attributes ds = StorageService.parse(slot).dataset();
            relative = StoragePaths.relative(mark.day(), ds.getString(Tag.StudyInstanceUID),
                    ds.getString(Tag.SeriesInstanceUID), ds.getString(Tag.SOPInstanceUID));
        } catch (IOException | RuntimeException e) {
            return null; // no mark, a damaged one, or content that is not the object it names
        }
        Path target = s.root().resolve(relative);
        if (Files.exists(target)) {
            return Files.isSameFile(target, slot) ? target : null;
        }
        Files.createDirectories(target.getParent());
        Files.createLink(target, slot);
        LOG.info(() -> "put " + relative + " back in place from its slot (its name was lost with the crash)");
        return target;
    }

    /**
     * Removes what is left in {@code .incoming}, durably (no removed slot may come back after a power loss);
     * the count of files that held something (empty slots made ahead are not counted).
     */
    private static int removeTemporaryFiles(Path incoming) throws IOException {
        if (!Files.isDirectory(incoming)) {
            return 0;
        }
        int n = 0;
        boolean any = false;
        try (Stream<Path> files = Files.list(incoming)) {
            for (Path p : files.toList()) {
                n += Files.size(p) > 0 ? 1 : 0;
                Files.deleteIfExists(p);
                any = true;
            }
        }
        if (any) {
            IncomingSlots.fsyncDirectory(incoming);
        }
        return n;
    }

    /** Deferred-mode objects whose fsync the crash may have beaten: kept if intact, else forgotten. */
    private int checkNotDurable(StorageSettings s) throws IOException {
        List<String[]> rows = runtime.notDurable();
        List<Path> intact = new ArrayList<>();
        for (String[] row : rows) {
            Path file = s.root().resolve(row[1]);
            if (Files.isRegularFile(file) && ObjectReceiver.digestOf(file, row[3]).equals(row[2])) {
                intact.add(file);
            } else {
                LOG.warning(() -> "stored object " + row[0] + " is missing or damaged after a crash: "
                        + "forgotten (it was acknowledged in deferred mode, which allows this)");
                Files.deleteIfExists(file);
                index.forget(row[0]);
            }
        }
        runtime.markDurable(DeferredFlusher.makeDurable(s.root(), intact));
        return rows.size();
    }

    private int reindexDay(StorageSettings s, Path folder) throws IOException {
        AtomicInteger n = new AtomicInteger();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".dcm")).toList()) {
                String relative = s.root().relativize(file).toString().replace('\\', '/');
                if (!runtime.isIndexed(relative)) {
                    reindex(file, relative);
                    n.incrementAndGet();
                }
            }
        }
        return n.get();
    }

    /** Through the store path, as if it arrived again; a file the store refuses is removed or left. */
    private void reindex(Path file, String relative) {
        StoreOutcome outcome = storage.reindex(file);
        switch (outcome.result()) {
            case STORED, ALREADY_STORED -> LOG.info(() -> "re-indexed " + relative
                    + " (its index commit was lost with the crash)");
            case DUPLICATE_DISCARDED -> LOG.info(() -> "removed " + relative + ": " + outcome.detail());
            case STUDY_BEING_DELETED -> {
                // never acknowledged (a store into a study being deleted is refused): it goes with its study
                LOG.info(() -> "removing " + relative + ": " + outcome.detail());
                try {
                    Files.deleteIfExists(file);
                } catch (IOException io) {
                    LOG.log(Level.WARNING, "cannot remove " + file, io);
                }
            }
            default -> LOG.severe(() -> "cannot re-index " + file + "; left in place: " + outcome.detail());
        }
    }
}
