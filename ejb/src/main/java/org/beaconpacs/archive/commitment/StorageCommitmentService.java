package org.beaconpacs.archive.commitment;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.beaconpacs.archive.entity.commitment.Commitment;
import org.beaconpacs.archive.entity.commitment.CommitmentItem;
import org.beaconpacs.archive.storage.StorageRuntime;

/**
 * Storage Commitment without DIMSE (PS3.4 J.3): takes a request and persists it, decides its instances by
 * the policy ({@link Verification}), and has its report delivered ({@link CommitmentReporter}), each step
 * from the database's state so that a restart anywhere in between goes on where it stopped.
 */
@ApplicationScoped
public class StorageCommitmentService {

    private static final Logger LOG = Logger.getLogger(StorageCommitmentService.class.getName());
    /** The first pause after a failed delivery; it doubles up to {@link #MAX_PAUSE}. */
    static final Duration FIRST_PAUSE = Duration.ofSeconds(5);
    static final Duration MAX_PAUSE = Duration.ofMinutes(10);

    @EJB
    private CommitmentStore store;
    @EJB
    private StorageRuntime storage;
    @Inject
    private CommitmentReporter reporter;
    @Inject
    private Event<CommitmentReported> reported;

    /**
     * Persists a request of {@code requestingAe} (which called {@code calledAe}); its id. A Transaction UID
     * already in use makes a transaction whose every instance fails with Duplicate transaction UID.
     */
    public long request(String transactionUid, List<CommitmentItem> items, String requestingAe, String calledAe,
                        Long associationSerial) {
        Instant now = Instant.now();
        Commitment c = new Commitment(transactionUid, requestingAe, calledAe, associationSerial, now,
                now.plus(CommitmentSettings.waitForInstances()), now.plus(CommitmentSettings.retryFor()), items);
        if (store.inUse(transactionUid)) {
            Verification.duplicate(c, now);
        }
        return store.create(c);
    }

    /** Does what is due of transaction {@code id}: a verification pass, then the report once decided. */
    void work(long id) {
        Commitment c = store.find(id);
        if (c == null) {
            return;
        }
        Instant now = Instant.now();
        if (c.getState() == Commitment.State.VERIFYING) {
            long t0 = System.nanoTime();
            List<CommitmentItem> open = c.getItems().stream()
                    .filter(i -> i.getResult() == CommitmentItem.Result.PENDING).toList();
            Map<String, InstanceCheck.Stored> stored = store.stored(open);
            long t1 = System.nanoTime();
            boolean decided = Verification.pass(c, stored, storage.settings().root(), CommitmentSettings.policy(),
                    now);
            long t2 = System.nanoTime();
            store.save(c);
            if (!decided) {
                return;
            }
            // the split the bench reports: index lookup, file checks (reads and digests), the save
            LOG.info(() -> "storage commitment " + c.getTransactionUid() + " of " + c.getRequestingAe() + ": "
                    + c.getCommitted() + " committed, " + c.getFailed() + " failed (lookup " + millis(t1 - t0)
                    + " ms, checks " + millis(t2 - t1) + " ms, save " + millis(System.nanoTime() - t2) + " ms)");
        }
        if (c.getState() == Commitment.State.REPORTING) {
            deliver(c, now);
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private void deliver(Commitment c, Instant now) {
        long t0 = System.nanoTime();
        CommitmentReporter.Delivery d = reporter.deliver(c, EventReport.of(c, c.getCalledAe()), now);
        if (d.delivered()) {
            c.reported(d.how(), Instant.now());
            LOG.info(() -> "the report of storage commitment " + c.getTransactionUid() + " went to "
                    + c.getRequestingAe() + " " + d.how().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " (" + millis(System.nanoTime() - t0) + " ms)");
        } else if (d.refused() || !now.isBefore(c.getGiveUp())) {
            c.undelivered(d.how(), d.detail());
            LOG.warning(() -> "the report of storage commitment " + c.getTransactionUid() + " to "
                    + c.getRequestingAe() + " is not delivered: " + d.detail());
        } else {
            Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(c.getAttempts(), 16));
            c.deliveryFailed(d.how(), d.detail(), now.plus(pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause));
            LOG.info(() -> "the report of storage commitment " + c.getTransactionUid() + ": " + d.detail()
                    + "; tried again at " + c.getDue());
        }
        store.save(c);
        reported.fire(new CommitmentReported(c.getTransactionUid(), c.getRequestingAe(), c.getState(),
                c.getCommitted(), c.getFailed(), c.getDelivery(), c.getDetail()));
    }

    /** The most recent transactions, newest first. */
    public List<CommitmentSummary> recent(int max) {
        return store.recent(max);
    }

    /** The (first) transaction with {@code transactionUid}, with its instances. */
    public java.util.Optional<CommitmentSummary> transaction(String transactionUid) {
        return store.byTransactionUid(transactionUid);
    }

    /**
     * An administrator's "send the report again": the decided transaction {@code id} is reported anew, with
     * a fresh retry time. False if there is no such transaction, its instances are not decided yet, or it is
     * one this archive asked (it has no report to send).
     */
    public boolean reportAgain(long id) {
        Commitment c = store.find(id);
        if (c == null || c.getRole() != Commitment.Role.SCP || c.getState() == Commitment.State.VERIFYING) {
            return false;
        }
        Instant now = Instant.now();
        c.reportAgain(now, now.plus(CommitmentSettings.retryFor()));
        store.save(c);
        LOG.info(() -> "the report of storage commitment " + c.getTransactionUid() + " is sent again");
        return true;
    }
}
