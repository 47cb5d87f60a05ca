package org.beaconpacs.archive.commitment;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.entity.commitment.Commitment;

/**
 * Runs the storage commitment work that is due (verification passes, reports, retries) from the
 * database: every second, and at once after a request ({@link #trigger()}). At start it picks up what a
 * stop or a crash left, so a report pending at a {@code kill -9} is delivered after the restart. One round
 * at a time on this server; a round asked for while one runs follows it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommitmentWorker {

    private static final Logger LOG = Logger.getLogger(CommitmentWorker.class.getName());
    private static final long EVERY_MILLIS = 1000;
    private static final int PER_ROUND = 20;
    /** How long a node may take over one transaction's work before another node may take it up. */
    private static final java.time.Duration LEASE = java.time.Duration.ofSeconds(60);

    @Resource
    private TimerService timers;
    @EJB
    private CommitmentStore store;
    @Inject
    private StorageCommitmentService service;
    @Inject
    private AskedCommitmentService asked;

    private final ReentrantLock round = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();

    @PostConstruct
    void start() {
        timers.createIntervalTimer(EVERY_MILLIS, EVERY_MILLIS, new TimerConfig("storage-commitment", false));
    }

    /** Whether this node took the transaction's due work (in a cluster, every node's worker sees it due). */
    private boolean claimed(long id) {
        Instant now = Instant.now();
        return store.claim(id, now, now.plus(LEASE));
    }

    /** A round soon, for a request just persisted. */
    public void trigger() {
        timers.createSingleActionTimer(1, new TimerConfig("storage-commitment-now", false));
    }

    @Timeout
    void due() {
        if (!round.tryLock()) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                List<Long> ids = store.due(EnumSet.of(Commitment.State.VERIFYING, Commitment.State.REPORTING),
                        Instant.now(), PER_ROUND);
                for (Long id : ids) {
                    if (!claimed(id)) {
                        continue;
                    }
                    try {
                        service.work(id);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "storage commitment " + id + ": " + e.getMessage()
                                + "; tried again at the next round", e);
                    }
                }
                for (Long id : store.due(EnumSet.of(Commitment.State.AWAITING_REPORT), Instant.now(), PER_ROUND)) {
                    if (claimed(id)) {
                        asked.expire(id);
                    }
                }
                if (ids.size() == PER_ROUND) {
                    again.set(true);
                }
            } while (again.get());
        } finally {
            round.unlock();
        }
    }
}
