package org.beaconpacs.archive.study;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.storage.StorageRuntime;

/**
 * Studies for the REST API and the console: search, drill down, delete. A delete is resumable: the
 * study is first marked (it leaves every list), then its files go, then its rows; a crash in between is
 * finished by the next start (StorageRecovery).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StudyService {

    private static final Logger LOG = Logger.getLogger(StudyService.class.getName());

    @Inject
    private Event<StudyDeleted> deleted;
    @Inject
    private Event<StudyAccessed> accessed;
    @EJB
    private StudyStore store;
    @EJB
    private StorageRuntime storage;

    public Page<StudySummary> search(StudyFilter filter, int offset, int limit) {
        return store.search(filter, Math.max(0, offset), Math.min(Math.max(1, limit), 500));
    }

    public StudySummary study(String studyUid) {
        StudySummary s = store.study(studyUid);
        accessed.fire(new StudyAccessed(studyUid, s.patientId(), s.patientName()));
        return s;
    }

    public List<SeriesSummary> series(String studyUid) {
        List<SeriesSummary> series = store.series(studyUid);
        accessed.fire(new StudyAccessed(studyUid, null, null));
        return series;
    }

    public List<InstanceSummary> instances(String seriesUid) {
        return store.instances(seriesUid);
    }

    /** How full the archive is, by the index and by the file system of the storage root. */
    public ArchiveUsage usage() {
        long[] t = store.totals();
        long free = -1;
        long total = -1;
        try {
            java.nio.file.FileStore fs = Files.getFileStore(storage.settings().root());
            free = fs.getUsableSpace();
            total = fs.getTotalSpace();
        } catch (IOException e) {
            LOG.warning(() -> "cannot read the file system of " + storage.settings().root() + ": " + e);
        }
        return new ArchiveUsage(t[0], t[1], t[2], free, total);
    }

    public void delete(String studyUid) {
        StudySummary study;
        try {
            study = store.study(studyUid); // for the observers (audit): its patient, before the rows go
        } catch (NotFoundException deleting) {
            study = null; // a delete that was interrupted, done again
        }
        List<String> files = store.markDeleting(studyUid);
        store.syncCommits(); // a crash from here on resumes the delete: no row may outlive its file
        storage.settleNames(); // no slot of a file about to go may bring it back after a power loss
        finishDelete(studyUid, files, study);
    }

    /**
     * Finishes deletes a crash or a failure interrupted. One that fails again is left for the next start
     * or another DELETE (its study stays out of every list and takes no object): a file that cannot be
     * removed must not keep the archive from starting.
     */
    public void resumeDeletes() {
        for (String uid : store.deleting()) {
            LOG.info(() -> "resuming the delete of study " + uid);
            try {
                finishDelete(uid, store.filesOfDeleting(uid), null);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "the delete of study " + uid + " failed again; retried at the next start "
                        + "or by another DELETE", e);
            }
        }
    }

    private void finishDelete(String studyUid, List<String> files, StudySummary study) {
        Path root = storage.settings().root();
        for (String f : files) {
            Path file = root.resolve(f);
            try {
                Files.deleteIfExists(file);
                prune(file.getParent(), root);
            } catch (IOException e) {
                DeleteIncompleteException incomplete = new DeleteIncompleteException(studyUid, f, e);
                LOG.warning(incomplete::getMessage);
                throw incomplete;
            }
        }
        store.removeRows(studyUid);
        LOG.info(() -> "study " + studyUid + " deleted: " + files.size() + " files");
        deleted.fire(new StudyDeleted(studyUid, files.size(), study));
    }

    /** Removes now-empty directories up to (not including) the root. */
    private static void prune(Path dir, Path root) throws IOException {
        for (Path d = dir; d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
            try {
                if (!Files.deleteIfExists(d)) {
                    return;
                }
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }
}
