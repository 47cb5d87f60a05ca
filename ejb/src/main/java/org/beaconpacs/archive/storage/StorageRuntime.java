package org.beaconpacs.archive.storage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import org.beaconpacs.archive.entity.index.StoredObject;

/**
 * The storage's shared state on this server: settings, the per-study locks, directory fsync groups,
 * the deferred-mode flusher (an EJB timer), the managed executor that digests alongside receptions, and
 * the free-space check.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StorageRuntime {

    private static final Logger LOG = Logger.getLogger(StorageRuntime.class.getName());

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;
    @Resource
    private TimerService timers;
    /** WildFly's default managed executor: the digests that run alongside receptions (ObjectReceiver). */
    @Resource
    private ManagedExecutorService executor;

    private StorageSettings settings;
    private final StudyLocks studyLocks = new StudyLocks();
    private final DirectorySync directorySync = new DirectorySync();
    private DeferredFlusher flusher;
    private FreeSpace freeSpace;

    @PostConstruct
    void start() {
        settings = StorageSettings.fromSystemProperties();
        try {
            Files.createDirectories(settings.incoming());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the storage root " + settings.root(), e);
        }
        flusher = new DeferredFlusher(settings.root());
        freeSpace = new FreeSpace(settings.root());
        if (settings.durability() == StorageSettings.Durability.DEFERRED) {
            long every = Math.max(50, settings.flushInterval().toMillis() / 2);
            timers.createIntervalTimer(every, every, new TimerConfig("deferred-flush", false));
        }
        LOG.info(() -> "storage at " + settings.root() + ", durability " + settings.durability() + ", digest "
                + settings.digestAlgorithm() + ", duplicates " + StorageSettings.duplicates());
    }


    public StorageSettings settings() {
        return settings;
    }

    public StudyLocks studyLocks() {
        return studyLocks;
    }

    public DirectorySync directorySync() {
        return directorySync;
    }

    public DeferredFlusher flusher() {
        return flusher;
    }

    public Executor digestThreads() {
        return executor;
    }

    public FreeSpace freeSpace() {
        return freeSpace;
    }

    /** Deferred mode: fsync what was stored since the last round, then mark it durable in the index. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void flush() {
        markDurable(flusher.flush());
    }

    /** A flush round now (at a clean stop). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void flushNow() {
        flush();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void markDurable(List<String> paths) {
        for (int i = 0; i < paths.size(); i += 500) {
            em.createNamedQuery(StoredObject.MARK_DURABLE)
                    .setParameter("paths", paths.subList(i, Math.min(paths.size(), i + 500))).executeUpdate();
        }
    }

    /** Objects not known to be fsync'd: {SOP Instance UID, path, digest, digest algorithm} each. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String[]> notDurable() {
        return em.createNamedQuery(StoredObject.NOT_DURABLE, Object[].class).getResultList().stream()
                .map(row -> new String[] {(String) row[0], (String) row[1], (String) row[2], (String) row[3]})
                .toList();
    }

    /** Whether a stored file at this storage-relative path is in the index. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    /** The storage-relative path the index holds that sorts last (that of the newest day), or null. */
    public String newestPath() {
        return em.createNamedQuery(StoredObject.NEWEST_PATH, String.class).getSingleResult();
    }

    public boolean isIndexed(String path) {
        return em.createNamedQuery(StoredObject.BY_PATH, Long.class).setParameter("path", path).getSingleResult() > 0;
    }
}
