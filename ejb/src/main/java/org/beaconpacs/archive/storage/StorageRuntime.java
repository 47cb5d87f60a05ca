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
 * the per-object mode's slots and pending names and the deferred mode's flusher (both settled by an EJB
 * timer), the managed executor that digests alongside receptions, and the free-space check.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StorageRuntime {

    private static final Logger LOG = Logger.getLogger(StorageRuntime.class.getName());
    /**
     * How often per-object mode fsyncs the directories of the names its stores made (PendingNames): a
     * directory fsync per round for all of them, not one per object.
     */
    private static final long NAME_SYNC_MILLIS = 100;

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;
    @Resource
    private TimerService timers;
    /**
     * WildFly's default managed executor: the digests that run alongside receptions (ObjectReceiver), and
     * the slots made ahead of them (IncomingSlots).
     */
    @Resource
    private ManagedExecutorService executor;

    private StorageSettings settings;
    private final StudyLocks studyLocks = new StudyLocks();
    private final DirectorySync directorySync = new DirectorySync();
    private DeferredFlusher flusher;
    private IncomingSlots slots;
    private PendingNames names;
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
        names = new PendingNames(settings.incoming());
        long every;
        if (settings.durability() == StorageSettings.Durability.DEFERRED) {
            every = Math.max(50, settings.flushInterval().toMillis() / 2);
        } else {
            slots = IncomingSlots.in(settings.incoming(), executor);
            every = NAME_SYNC_MILLIS;
        }
        timers.createIntervalTimer(every, every, new TimerConfig("storage-flush", false));
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

    /** Per-object mode's slots, or null (deferred mode, or a file system without extended attributes). */
    public IncomingSlots slots() {
        return slots;
    }

    public PendingNames names() {
        return names;
    }

    /**
     * Per-object mode: the names made since the last round made durable. Deferred mode: fsync what was
     * stored since the last round, then mark it durable in the index.
     */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void flush() {
        names.settle();
        markDurable(flusher.flush());
    }

    /** The names of stored objects made durable now, with their slots gone (before a study's files go). */
    public void settleNames() {
        names.settle();
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

    /** The storage-relative path the index holds that sorts last (that of the newest day), or null. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String newestPath() {
        return em.createNamedQuery(StoredObject.NEWEST_PATH, String.class).getSingleResult();
    }

    /** Whether a stored file at this storage-relative path is in the index. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isIndexed(String path) {
        return em.createNamedQuery(StoredObject.BY_PATH, Long.class).setParameter("path", path).getSingleResult() > 0;
    }
}
