package org.beaconpacs.archive.storage;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.index.IndexRequest;
import org.beaconpacs.archive.index.IndexResult;
import org.beaconpacs.archive.index.IndexWriter;
import org.beaconpacs.archive.index.StudyBeingDeletedException;
import org.beaconpacs.archive.rar.api.ServicesUnavailableException;
import org.beaconpacs.archive.storage.StoreOutcome.Result;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.io.DicomFile;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.uid.UIDs;

/**
 * The one store path (PS3.4 Annex B's Storage, and STOW-RS, "print to archive" and the recovery alike): a
 * data set becomes a durable Part 10 file and an index row, or an honest outcome; nothing stored is lost
 * and nothing half-written is indexed. It knows no DIMSE: {@code StorageScp} turns its outcomes into
 * statuses.
 * <ol>
 * <li>the data set streams into a temporary file under {@code .incoming} (digest on the way, its last
 * chunks possibly still being digested while the steps below begin: the index asks for it where it records
 * it); per-object durability writes into a slot, a temporary file whose name is durable already
 * ({@link IncomingSlots});</li>
 * <li>the file is parsed end to end (a truncated data set fails here) and checked against what the sender
 * announced; per-object: the slot is marked with its day and digest and fsync'd (one flush: from here the
 * object survives a power loss), before the study's lock and the index transaction;</li>
 * <li>under the study's lock: the file goes into place (a hard link, never over another file; per-object:
 * the slot stays until the next round of {@link PendingNames} has fsync'd the new name's directory, or
 * without slots that fsync now, grouped across concurrent stores; deferred: the flusher fsyncs within its
 * interval), then the index transaction, with no file operation in it, looks the instance up and commits
 * its rows (files are the source of truth; see IndexWriter);</li>
 * <li>only then the outcome, which the caller answers with.</li>
 * </ol>
 */
@ApplicationScoped
public class StorageService {

    private static final Logger LOG = Logger.getLogger(StorageService.class.getName());
    /** Values above this stay in the file while the data set is parsed for the index. */
    private static final long BULK_THRESHOLD = 64 * 1024;

    @EJB
    private IndexWriter index;
    @EJB
    private StorageRuntime runtime;
    @Inject
    private Event<InstanceStored> stored;
    @Inject
    private Event<DuplicateDiscarded> discarded;

    // the singleton's plain objects, fetched once: an EJB call per object for each would cost
    private StorageSettings settings;
    private StudyLocks studyLocks;
    private DeferredFlusher flusher;
    private DirectorySync directorySync;
    private IncomingSlots slots;
    private PendingNames names;
    private ObjectReceiver receiver;
    private FreeSpace freeSpace;

    @PostConstruct
    void init() {
        settings = runtime.settings();
        receiver = new ObjectReceiver(settings.incoming(), settings.digestAlgorithm(), runtime.digestThreads());
        studyLocks = runtime.studyLocks();
        flusher = runtime.flusher();
        directorySync = runtime.directorySync();
        slots = runtime.slots();
        names = runtime.names();
        freeSpace = runtime.freeSpace();
    }

    /**
     * Stores one object. An {@link IOException} means its source failed while it was read (the association
     * or the request went away): nothing is kept and there is nobody to answer.
     */
    public StoreOutcome store(StoreRequest rq) throws IOException {
        InputStream data = rq.dataset();
        if (data == null) {
            return StoreOutcome.failed(Result.CANNOT_UNDERSTAND, "the request has no data set");
        }
        if (!freeSpace.isAvailable()) {
            data.skip(Long.MAX_VALUE);
            return StoreOutcome.failed(Result.OUT_OF_RESOURCES, "the archive's storage is below its free-space "
                    + "threshold");
        }
        boolean perObject = settings.durability() == StorageSettings.Durability.PER_OBJECT;
        IncomingSlots slotted = perObject ? slots : null;
        StoreContext ctx = rq.context();
        Path slot;
        try {
            slot = slotted != null ? slotted.take() : null;
        } catch (IOException e) {
            data.skip(Long.MAX_VALUE);
            return writeFailure(rq.sopInstanceUid(), e);
        }
        ReceivedObject received;
        try {
            // per-object without slots: fsync'd before the channel closes, before the study's lock and the index
            // transaction; with a slot, once it is marked (below)
            received = receiver.receive(slot, perObject && slotted == null,
                    rq.sopClassUid(), rq.sopInstanceUid(), rq.transferSyntax(), ctx.sender(), ctx.receiver(), data);
        } catch (ObjectReceiver.StorageWriteException e) {
            return writeFailure(rq.sopInstanceUid(), e);
        }
        // from here the temporary file is ours to move or delete; the digest may still be finishing
        boolean[] slotKept = new boolean[1];
        try {
            return store(rq, perObject, slotted != null, received, slotKept);
        } catch (ObjectReceiver.StorageWriteException e) {
            return writeFailure(rq.sopInstanceUid(), e);
        } finally {
            received.close();
            if (!slotKept[0]) {
                removeQuietly(received.temporary()); // before the answer: nothing is left once it is heard
            }
        }
    }

    /**
     * Stores a received object; {@code slotKept[0]} is set once its slot belongs to {@link PendingNames}. The
     * file goes into place before the index transaction begins, so that no file operation runs while the
     * transaction holds the database's locks (see the README on why this order loses nothing).
     */
    private StoreOutcome store(StoreRequest rq, boolean perObject, boolean slotted, ReceivedObject received,
                               boolean[] slotKept) throws IOException {
        Attributes ds;
        try {
            ds = parse(received.temporary()).dataset();
        } catch (IOException | RuntimeException e) {
            LOG.info(() -> "store of " + rq.sopInstanceUid() + ": data set cannot be parsed: " + e);
            return StoreOutcome.failed(Result.CANNOT_UNDERSTAND, "cannot parse: " + e.getMessage());
        }
        StoreOutcome problem = check(rq.sopClassUid(), rq.sopInstanceUid(), ds);
        if (problem != null) {
            return problem;
        }
        String studyUid = ds.getString(Tag.StudyInstanceUID);
        StoreContext ctx = rq.context();
        LocalDate day = LocalDate.now();
        String intended = StoragePaths.relative(day, studyUid, ds.getString(Tag.SeriesInstanceUID),
                rq.sopInstanceUid());
        if (slotted) {
            markAndFsync(received, day);
        }
        StoreOutcome outcome;
        String relative;
        ReentrantLock lock = studyLocks.of(studyUid);
        lock.lock();
        try {
            // a slot holds the file until its name is durable, where the mark names the place it took
            Placed at = place(received.temporary(), intended, perObject, slotted);
            relative = at.relative();
            Path placed = at.file();
            IndexResult result;
            try {
                // one call into the index: look for the instance and index it
                result = index.store(new IndexRequest(ds, relative, received.size(), received.digest(),
                        settings.digestAlgorithm(), received.transferSyntax(), perObject, ctx.sender(),
                        ctx.association()), replace());
            } catch (RuntimeException e) {
                removeQuietly(placed); // no file without its row
                return indexFailure(rq.sopInstanceUid(), e);
            }
            outcome = stored(result, placed, perObject);
            if (at.slotHolds() && outcome.result() == Result.STORED) {
                names.add(received.temporary(), placed);
                slotKept[0] = true;
            }
        } finally {
            lock.unlock();
        }
        announce(ctx, ds, received.transferSyntax(), relative, received.size(), outcome);
        return outcome;
    }

    /**
     * Indexes a stored file that the index lacks (its commit was lost with a crash): the same checks and
     * index as a store, with the file already in its place. The file is made durable first.
     */
    public StoreOutcome reindex(Path file) {
        String relative = settings.root().relativize(file).toString().replace('\\', '/');
        Attributes ds;
        String ts;
        try {
            DicomFile f = parse(file);
            ds = f.dataset();
            ts = f.transferSyntax().uid();
        } catch (IOException | RuntimeException e) {
            return StoreOutcome.failed(Result.CANNOT_UNDERSTAND, "cannot parse: " + e.getMessage());
        }
        StoreOutcome problem = check(ds.getString(Tag.SOPClassUID), ds.getString(Tag.SOPInstanceUID), ds);
        if (problem != null) {
            return problem;
        }
        String digest;
        try {
            if (DeferredFlusher.makeDurable(settings.root(), List.of(file)).isEmpty()) {
                throw new IOException("cannot fsync " + file + " and its directories");
            }
            digest = ObjectReceiver.digestOf(file, settings.digestAlgorithm());
        } catch (IOException e) {
            return writeFailure(relative, e);
        }
        long size = file.toFile().length();
        StoreOutcome outcome;
        ReentrantLock lock = studyLocks.of(ds.getString(Tag.StudyInstanceUID));
        lock.lock();
        try {
            IndexResult result = index.index(new IndexRequest(ds, relative, size, () -> digest,
                    settings.digestAlgorithm(), ts, true, null, null), replace());
            outcome = stored(result, file, true);
        } catch (IOException e) {
            return writeFailure(relative, e); // the file it replaces could not be removed
        } catch (RuntimeException e) {
            return indexFailure(relative, e);
        } finally {
            lock.unlock();
        }
        announce(new StoreContext(StoreContext.Source.RECOVERY, null, null, null), ds, ts, relative, size, outcome);
        return outcome;
    }

    /** Tells the observers what became of an object that reached the index (after the study's lock). */
    private void announce(StoreContext ctx, Attributes ds, String transferSyntax, String relative, long size,
                          StoreOutcome outcome) {
        String iuid = ds.getString(Tag.SOPInstanceUID);
        if (outcome.result() == Result.STORED) {
            stored.fire(new InstanceStored(ctx, ds.getString(Tag.SOPClassUID), iuid, ds.getString(Tag.StudyInstanceUID),
                    ds.getString(Tag.SeriesInstanceUID), transferSyntax, relative, size, outcome.notes()));
        } else if (outcome.result() == Result.DUPLICATE_DISCARDED) {
            discarded.fire(new DuplicateDiscarded(ctx, iuid));
        }
    }

    /**
     * The outcome of an index call that went through. The replaced file, if any, goes; so does {@code file}
     * when the index kept another copy (a resend of the same object, or one the duplicates policy refuses).
     */
    private StoreOutcome stored(IndexResult result, Path file, boolean durable) throws IOException {
        switch (result.outcome()) {
            case SAME_CONTENT:
                removeUnlessIndexed(file, result.existingPath());
                return StoreOutcome.of(Result.ALREADY_STORED); // the same object again: nothing kept twice
            case OTHER_CONTENT_KEPT:
                removeUnlessIndexed(file, result.existingPath());
                return new StoreOutcome(Result.DUPLICATE_DISCARDED, "other content stored under this SOP Instance "
                        + "UID; first kept", 0, List.of());
            default:
                if (!durable) {
                    flusher.pending(file);
                }
                if (result.replacedPath() != null) {
                    Path replaced = settings.root().resolve(result.replacedPath());
                    names.discard(replaced);
                    Files.deleteIfExists(replaced);
                }
                return new StoreOutcome(Result.STORED, null, 0, List.copyOf(result.conflicts()));
        }
    }

    /** Removes {@code file}, a copy the index did not take, unless it is the indexed one. */
    private void removeUnlessIndexed(Path file, String indexedPath) {
        if (indexedPath == null || !file.equals(settings.root().resolve(indexedPath))) {
            removeQuietly(file);
        }
    }

    private static StoreOutcome indexFailure(String what, RuntimeException e) {
        if (ServicesUnavailableException.isCause(e)) {
            throw e; // not a failure of this object: the archive is stopping (DimseMdb aborts the association)
        }
        if (cause(e, StudyBeingDeletedException.class) != null) {
            LOG.info(() -> "store of " + what + " refused: " + e.getMessage());
            return StoreOutcome.failed(Result.STUDY_BEING_DELETED, "the study is being deleted: send again later");
        }
        LOG.log(Level.SEVERE, "indexing " + what + " failed", e);
        return StoreOutcome.failed(Result.PROCESSING_FAILURE, "the object could not be indexed: " + rootMessage(e));
    }

    private static boolean replace() {
        return StorageSettings.duplicates() == StorageSettings.DuplicatePolicy.REPLACE;
    }

    /** Reads a Part 10 file end to end, large values left in it. */
    static DicomFile parse(Path file) throws IOException {
        try (DicomReader reader = DicomReader.open(file)) {
            reader.setBulkDataThreshold(BULK_THRESHOLD);
            return reader.readFile();
        }
    }

    /** The checks of PS3.4 B.2.3 a data set must pass before it is kept; null when it passes. */
    private static StoreOutcome check(String sopClass, String sopInstance, Attributes ds) {
        String cuid = ds.getString(Tag.SOPClassUID);
        if (cuid == null || !cuid.equals(sopClass)) {
            LOG.info(() -> "store of " + sopInstance + ": data set SOP Class UID " + cuid + ", announced " + sopClass);
            return StoreOutcome.failed(Result.DOES_NOT_MATCH, "data set SOP Class UID differs from the command's");
        }
        String iuid = ds.getString(Tag.SOPInstanceUID);
        if (iuid == null || !iuid.equals(sopInstance)) {
            return StoreOutcome.failed(Result.DOES_NOT_MATCH, "data set SOP Instance UID differs from command's");
        }
        for (int tag : new int[] {Tag.StudyInstanceUID, Tag.SeriesInstanceUID}) {
            String uid = ds.getString(tag);
            if (uid == null || uid.isEmpty()) {
                return StoreOutcome.failed(Result.CANNOT_UNDERSTAND, "the data set lacks "
                        + (tag == Tag.StudyInstanceUID ? "Study" : "Series") + " Instance UID", tag);
            }
            if (!UIDs.isValid(uid)) {
                return StoreOutcome.failed(Result.CANNOT_UNDERSTAND, "\"" + uid + "\" is not a valid UID", tag);
            }
        }
        if (!UIDs.isValid(iuid)) {
            return StoreOutcome.failed(Result.CANNOT_UNDERSTAND, "\"" + iuid + "\" is not a valid UID",
                    Tag.SOPInstanceUID);
        }
        return null;
    }

    /**
     * The one flush of a per-object store with a slot: the slot's mark (day and digest), then the fsync of
     * its data, size and mark together (see IncomingSlots).
     */
    private void markAndFsync(ReceivedObject received, LocalDate day) throws ObjectReceiver.StorageWriteException {
        try {
            IncomingSlots.mark(received.temporary(), new IncomingSlots.Mark(day, settings.digestAlgorithm(),
                    received.digest().get()));
            IncomingSlots.fsyncFile(received.temporary());
        } catch (IOException e) {
            throw new ObjectReceiver.StorageWriteException(e);
        }
    }

    /**
     * Puts the temporary file at {@code relative}, or beside it when a file is there already (a resend, or
     * a replacement under the "replace" policy): never over another file. Per-object (the file already
     * fsync'd): any directory created for it is fsync'd in its parent, and so is the file's own directory,
     * unless the file came from a slot and took the place its mark names: that slot keeps it until
     * PendingNames fsyncs the directory. The temporary name goes, but for such a slot.
     */
    private Placed place(Path temporary, String relative, boolean durable, boolean slotted)
            throws ObjectReceiver.StorageWriteException {
        try {
            Path target = settings.root().resolve(relative);
            ensureDirectory(target.getParent(), durable);
            Link asMarked = link(temporary, target, slotted);
            if (asMarked == Link.TAKEN) {
                relative = relative.replace(".dcm", "-" + UUID.randomUUID().toString().substring(0, 8) + ".dcm");
                target = settings.root().resolve(relative);
                if (link(temporary, target, false) == Link.TAKEN) {
                    throw new IOException(target + " exists already");
                }
            }
            boolean slotHolds = slotted && asMarked == Link.KEPT;
            if (durable && !slotHolds) {
                directorySync.sync(target.getParent());
            }
            return new Placed(relative, target, slotHolds);
        } catch (IOException e) {
            throw new ObjectReceiver.StorageWriteException(e);
        }
    }

    /** Where a store's file went: its storage-relative path, and whether its slot still holds it too. */
    private record Placed(String relative, Path file, boolean slotHolds) {
    }

    private enum Link {
        /** {@code target} had that name already: nothing done */
        TAKEN,
        /** linked, the temporary name removed (or moved, where there are no hard links) */
        PLACED,
        /** linked, the temporary name kept as asked */
        KEPT
    }

    /**
     * Gives {@code temporary} the name {@code target} unless that name is taken: a hard link then the
     * temporary name's removal (unless {@code keep}), which no other store, on this server or another, can
     * overwrite; an atomic rename where the file system has no hard links.
     */
    private static Link link(Path temporary, Path target, boolean keep) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            return Link.TAKEN;
        } catch (UnsupportedOperationException e) {
            if (Files.exists(target)) {
                return Link.TAKEN;
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notOne) {
                throw new IOException("the storage root must be one file system with .incoming", notOne);
            }
            return Link.PLACED;
        }
        if (keep) {
            return Link.KEPT;
        }
        Files.delete(temporary);
        return Link.PLACED;
    }

    /** Removes a file of a failed store (a placement may have failed midway: the path may be no file). */
    private static void removeQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove " + file + " of a failed store", e);
        }
    }

    /** Creates {@code dir} and its missing parents; when durable, each new entry is fsync'd in its parent. */
    private void ensureDirectory(Path dir, boolean durable) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        ensureDirectory(dir.getParent(), durable);
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            return; // another store made it
        }
        if (durable) {
            directorySync.sync(dir.getParent());
        }
    }

    /** Out of resources: the storage could not take the object (receiving, fsync or placing it). */
    private static StoreOutcome writeFailure(String what, IOException e) {
        LOG.log(Level.SEVERE, "cannot write " + what + " to the storage: " + e.getMessage(), e);
        return StoreOutcome.failed(Result.OUT_OF_RESOURCES, "cannot write the object: " + e.getMessage());
    }

    /** The first {@code type} in the cause chain of {@code t}, or null. */
    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null) {
            r = r.getCause();
        }
        return String.valueOf(r.getMessage());
    }
}
