package org.beaconpacs.archive.storage;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.activity.ActivityService;
import org.beaconpacs.archive.index.IndexRequest;
import org.beaconpacs.archive.index.IndexResult;
import org.beaconpacs.archive.index.IndexWriter;
import org.beaconpacs.archive.index.StudyBeingDeletedException;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.io.DicomFile;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.scp.Responder;

/**
 * Storage SCP (PS3.4 Annex B): a C-STORE becomes a durable Part 10 file and an index row, or an honest
 * failure status; nothing acknowledged is lost and nothing half-written is indexed.
 * <ol>
 * <li>the data set streams into a temporary file under {@code .incoming} (digest on the way, its last
 * chunks possibly still being digested while the steps below begin: the index asks for it where it records
 * it; per-object durability: fsync'd as it is closed, before the study's lock and the index transaction);</li>
 * <li>the file is parsed end to end (a truncated data set fails here) and checked against the command;</li>
 * <li>per-object: atomic rename, fsync of the directory (grouped across concurrent stores); deferred: the
 * rename only, the flusher fsyncs within its interval;</li>
 * <li>the index transaction commits (files are the source of truth; see IndexWriter);</li>
 * <li>only then the response.</li>
 * </ol>
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StorageService {

    private static final Logger LOG = Logger.getLogger(StorageService.class.getName());
    /** Values above this stay in the file while the data set is parsed for the index. */
    private static final long BULK_THRESHOLD = 64 * 1024;
    /** Status 0xB006, Elements Discarded (PS3.4 B.2.3): the object was not kept, the first one was. */
    static final int ELEMENTS_DISCARDED = 0xB006;
    static final int CANNOT_UNDERSTAND = 0xC000;
    static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    static final int OUT_OF_RESOURCES = 0xA700;

    @EJB
    private IndexWriter index;
    @EJB
    private StorageRuntime runtime;
    @EJB
    private ActivityService activity;

    // the singleton's plain objects, fetched once per instance: an EJB call per object for each would cost
    private StorageSettings settings;
    private StudyLocks studyLocks;
    private DeferredFlusher flusher;
    private DirectorySync directorySync;
    private ObjectReceiver receiver;

    @PostConstruct
    void init() {
        settings = runtime.settings();
        receiver = new ObjectReceiver(settings.incoming(), settings.digestAlgorithm(), runtime.digestThreads());
        studyLocks = runtime.studyLocks();
        flusher = runtime.flusher();
        directorySync = runtime.directorySync();
    }

    public void store(DimseRequest request, Responder responder) throws IOException {
        Command rq = request.message().command();
        InputStream data = request.message().data();
        if (data == null) {
            responder.respond(failure(rq, CANNOT_UNDERSTAND, "the C-STORE-RQ has no data set"), null);
            return;
        }
        if (!runtime.hasFreeSpace()) {
            data.skip(Long.MAX_VALUE);
            responder.respond(failure(rq, OUT_OF_RESOURCES, "the archive's storage is below its free-space "
                    + "threshold"), null);
            return;
        }
        boolean perObject = settings.durability() == StorageSettings.Durability.PER_OBJECT;
        ReceivedObject received;
        try {
            // per-object: fsync'd before the channel closes, before the study's lock and the index transaction
            received = receiver.receive(perObject, rq.affectedSopClassUid(), rq.affectedSopInstanceUid(),
                    request.message().transferSyntax(), request.association().callingAeTitle(),
                    request.association().calledAeTitle(), data);
        } catch (ObjectReceiver.StorageWriteException e) {
            responder.respond(writeFailure(rq, e), null);
            return;
        }
        // from here the temporary file is ours to move or delete; the digest may still be finishing
        boolean placed = false;
        try {
            placed = store(request, responder, rq, perObject, received);
        } catch (ObjectReceiver.StorageWriteException e) {
            removeQuietly(received.temporary()); // before the answer: nothing is left once it is heard
            responder.respond(writeFailure(rq, e), null);
        } finally {
            received.close();
            if (!placed) {
                Files.deleteIfExists(received.temporary());
            }
        }
    }

    /** Stores a received object and responds; true when its temporary file was moved into place. */
    private boolean store(DimseRequest request, Responder responder, Command rq, boolean perObject,
                          ReceivedObject received) throws IOException {
        Attributes ds;
        try (DicomReader reader = DicomReader.open(received.temporary())) {
            reader.setBulkDataThreshold(BULK_THRESHOLD);
            DicomFile file = reader.readFile();
            ds = file.dataset();
        } catch (IOException | RuntimeException e) {
            LOG.info(() -> "C-STORE of " + rq.affectedSopInstanceUid() + ": data set cannot be parsed: " + e);
            responder.respond(failure(rq, CANNOT_UNDERSTAND, "cannot parse: " + e.getMessage()), null);
            return false;
        }
        Command problem = check(rq, ds);
        if (problem != null) {
            responder.respond(problem, null);
            return false;
        }
        String studyUid = ds.getString(Tag.StudyInstanceUID);
        ReentrantLock lock = studyLocks.of(studyUid);
        lock.lock();
        try {
            boolean replace = StorageSettings.duplicates() == StorageSettings.DuplicatePolicy.REPLACE;
            Path[] placed = new Path[1]; // set just before the move: from then on a failure removes it
            IndexResult result;
            try {
                // one call into the index: look for the instance, place the file, index it
                result = index.store(new IndexRequest(ds, null, received.size(), received.digest(),
                        settings.digestAlgorithm(), received.transferSyntax(), perObject,
                        request.association().callingAeTitle(), request.association().serial()), replace,
                        new IndexWriter.Placement() {
                            private Path target;

                            @Override
                            public String path(boolean beside) {
                                String relative = StoragePaths.relative(LocalDate.now(), studyUid,
                                        ds.getString(Tag.SeriesInstanceUID), rq.affectedSopInstanceUid());
                                if (beside) {
                                    relative = relative.replace(".dcm", "-"
                                            + UUID.randomUUID().toString().substring(0, 8) + ".dcm");
                                }
                                target = settings.root().resolve(relative);
                                return relative;
                            }

                            @Override
                            public void move() throws IOException {
                                placed[0] = target;
                                place(received.temporary(), target, perObject);
                            }
                        });
            } catch (RuntimeException e) {
                if (placed[0] != null) {
                    removeQuietly(placed[0]); // no file without its row
                }
                java.io.UncheckedIOException io = cause(e, java.io.UncheckedIOException.class);
                if (io != null) {
                    throw new ObjectReceiver.StorageWriteException(io.getCause()); // could not be placed
                }
                if (cause(e, StudyBeingDeletedException.class) != null) {
                    LOG.info(() -> "C-STORE of " + rq.affectedSopInstanceUid() + " refused: " + e.getMessage());
                    responder.respond(failure(rq, Status.PROCESSING_FAILURE,
                            "the study is being deleted: send again later"), null);
                    return false;
                }
                LOG.log(Level.SEVERE, "indexing " + rq.affectedSopInstanceUid() + " failed", e);
                responder.respond(failure(rq, Status.PROCESSING_FAILURE, "the object could not be indexed: "
                        + rootMessage(e)), null);
                return false;
            }
            if (result.outcome() == IndexResult.Outcome.SAME_CONTENT) {
                responder.respond(Status.SUCCESS); // the same object again: nothing to keep twice
                return false;
            }
            if (result.outcome() == IndexResult.Outcome.OTHER_CONTENT_KEPT) {
                responder.respond(failure(rq, ELEMENTS_DISCARDED,
                        "other content stored under this SOP Instance UID; first kept"), null);
                activity.note(request.association().serial(), "SOP instance " + rq.affectedSopInstanceUid()
                        + " arrived again with other content: the first is kept");
                return false;
            }
            if (!perObject) {
                flusher.pending(placed[0]);
            }
            if (result.replacedPath() != null) {
                Files.deleteIfExists(settings.root().resolve(result.replacedPath()));
            }
            for (String conflict : result.conflicts()) {
                activity.note(request.association().serial(), conflict);
            }
            responder.respond(Status.SUCCESS);
            return placed[0] != null;
        } finally {
            lock.unlock();
        }
    }

    /** The checks of PS3.4 B.2.3 a data set must pass before it is kept; null when it passes. */
    private static Command check(Command rq, Attributes ds) {
        String cuid = ds.getString(Tag.SOPClassUID);
        if (cuid == null || !cuid.equals(rq.affectedSopClassUid())) {
            LOG.info(() -> "C-STORE of " + rq.affectedSopInstanceUid() + ": data set SOP Class UID " + cuid
                    + ", command " + rq.affectedSopClassUid());
            return failure(rq, DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "data set SOP Class UID differs from the command's");
        }
        String iuid = ds.getString(Tag.SOPInstanceUID);
        if (iuid == null || !iuid.equals(rq.affectedSopInstanceUid())) {
            return failure(rq, DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "data set SOP Instance UID differs from command's");
        }
        for (int tag : new int[] {Tag.StudyInstanceUID, Tag.SeriesInstanceUID}) {
            String uid = ds.getString(tag);
            if (uid == null || uid.isEmpty()) {
                return failure(rq, CANNOT_UNDERSTAND, "the data set lacks "
                        + (tag == Tag.StudyInstanceUID ? "Study" : "Series") + " Instance UID")
                        .setOffendingElements(tag);
            }
            if (!org.beaconpacs.dicom.uid.UIDs.isValid(uid)) {
                return failure(rq, CANNOT_UNDERSTAND, "\"" + uid + "\" is not a valid UID")
                        .setOffendingElements(tag);
            }
        }
        if (!org.beaconpacs.dicom.uid.UIDs.isValid(iuid)) {
            return failure(rq, CANNOT_UNDERSTAND, "\"" + iuid + "\" is not a valid UID")
                    .setOffendingElements(Tag.SOPInstanceUID);
        }
        return null;
    }

    /**
     * Moves the temporary file to its place. Per-object (the file already fsync'd): the directory, and any
     * directory created for it, is fsync'd after the rename, so that the name survives a power loss too.
     */
    private void place(Path temporary, Path target, boolean durable) throws IOException {
        ensureDirectory(target.getParent(), durable);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the storage root must be one file system with .incoming", e);
        }
        if (durable) {
            directorySync.sync(target.getParent());
        }
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

    /** 0xA700 for an object the storage could not take (receiving, fsync or placing it). */
    private static Command writeFailure(Command rq, IOException e) {
        LOG.log(Level.SEVERE, "cannot write " + rq.affectedSopInstanceUid() + " to the storage: " + e.getMessage(), e);
        return failure(rq, OUT_OF_RESOURCES, "cannot write the object: " + e.getMessage());
    }

    private static Command failure(Command rq, int status, String comment) {
        return rq.response(status, false).setErrorComment(comment.length() > 64 ? comment.substring(0, 64)
                : comment);
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
