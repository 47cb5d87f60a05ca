package org.beaconpacs.archive.storage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
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
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.beaconpacs.archive.index.IndexRequest;
import org.beaconpacs.archive.index.IndexWriter;
import org.beaconpacs.archive.index.StudyBeingDeletedException;
import org.beaconpacs.archive.study.StudyService;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.io.DicomFile;
import org.beaconpacs.dicom.io.DicomReader;

/**
 * Makes the index agree with the files before the archive accepts anything (the listeners open after
 * it): temporary files of unacknowledged transfers are removed; objects not yet known durable are
 * checked (present, digest matching) and kept or forgotten; after an unclean stop, the files of the
 * latest days that the index lacks (their commit was not yet on disk) are indexed again; interrupted
 * study deletes are finished. A marker written at a clean stop spares the walk.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "StorageRuntime"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StorageRecovery {

    private static final Logger LOG = Logger.getLogger(StorageRecovery.class.getName());
    private static final String CLEAN_STOP = ".clean-stop";
    /** Days walked after an unclean stop: a commit lost with the crash is at most this old. */
    private static final int DAYS_WALKED = 2;

    @EJB
    private StorageRuntime runtime;
    @EJB
    private IndexWriter index;
    @EJB
    private StudyService studies;

    @PostConstruct
    void recover() {
        StorageSettings s = runtime.settings();
        try {
            int temporary = removeTemporaryFiles(s.incoming());
            int checked = checkNotDurable(s);
            Path marker = s.root().resolve(CLEAN_STOP);
            int reindexed = 0;
            if (!Files.deleteIfExists(marker)) {
                for (int d = DAYS_WALKED - 1; d >= 0; d--) {
                    reindexed += reindexDay(s, LocalDate.now().minusDays(d));
                }
            }
            studies.resumeDeletes();
            int t = temporary;
            int c = checked;
            int r = reindexed;
            LOG.info(() -> "storage recovery: " + t + " temporary files removed, " + c
                    + " not-yet-durable objects checked, " + r + " files re-indexed");
        } catch (IOException e) {
            throw new UncheckedIOException("storage recovery failed", e);
        }
    }

    @PreDestroy
    void cleanStop() {
        try {
            runtime.flushNow();
            Files.writeString(runtime.settings().root().resolve(CLEAN_STOP), LocalDate.now() + "\n");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not mark a clean stop; the next start walks the latest files", e);
        }
    }

    private static int removeTemporaryFiles(Path incoming) throws IOException {
        if (!Files.isDirectory(incoming)) {
            return 0;
        }
        int n = 0;
        try (Stream<Path> files = Files.list(incoming)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
                n++;
            }
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
        runtime.markDurable(makeDurable(s.root(), intact));
        return rows.size();
    }

    /**
     * fsyncs {@code files} and their directories, as the deferred flusher does (a file's fsync alone need
     * not keep its name); the storage-relative paths of those now durable. One that fails stays not
     * durable in the index, and the next start checks it again.
     */
    private static List<String> makeDurable(Path root, List<Path> files) {
        DeferredFlusher flusher = new DeferredFlusher(root);
        files.forEach(flusher::pending);
        return flusher.flush();
    }

    private int reindexDay(StorageSettings s, LocalDate day) throws IOException {
        Path folder = StoragePaths.dayFolder(s.root(), day);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        AtomicInteger n = new AtomicInteger();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".dcm")).toList()) {
                String relative = s.root().relativize(file).toString().replace('\\', '/');
                if (!runtime.isIndexed(relative)) {
                    reindex(s, file, relative);
                    n.incrementAndGet();
                }
            }
        }
        return n.get();
    }

    private void reindex(StorageSettings s, Path file, String relative) {
        try {
            Attributes ds;
            String ts;
            try (DicomReader reader = DicomReader.open(file)) {
                reader.setBulkDataThreshold(64 * 1024);
                DicomFile f = reader.readFile();
                ds = f.dataset();
                ts = f.transferSyntax().uid();
            }
            if (makeDurable(s.root(), List.of(file)).isEmpty()) {
                throw new IOException("cannot fsync " + file + " and its directories");
            }
            String digest = ObjectReceiver.digestOf(file, s.digestAlgorithm());
            ReentrantLock lock = runtime.studyLocks().of(ds.getString(Tag.StudyInstanceUID));
            lock.lock();
            try {
                var result = index.index(new IndexRequest(ds, relative, Files.size(file), () -> digest,
                        s.digestAlgorithm(), ts, true, null, null),
                        StorageSettings.duplicates() == StorageSettings.DuplicatePolicy.REPLACE);
                if (result.replacedPath() != null) {
                    Files.deleteIfExists(s.root().resolve(result.replacedPath()));
                }
            } finally {
                lock.unlock();
            }
            LOG.info(() -> "re-indexed " + relative + " (its index commit was lost with the crash)");
        } catch (StudyBeingDeletedException e) {
            // never acknowledged (a store into a study being deleted is refused): it goes with its study
            LOG.info(() -> "removing " + relative + ": " + e.getMessage());
            try {
                Files.deleteIfExists(file);
            } catch (IOException io) {
                LOG.log(Level.WARNING, "cannot remove " + file, io);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "cannot re-index " + file + "; left in place", e);
        }
    }
}
