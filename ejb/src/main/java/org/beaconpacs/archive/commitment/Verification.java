package org.beaconpacs.archive.commitment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.beaconpacs.archive.entity.commitment.Commitment;
import org.beaconpacs.archive.entity.commitment.CommitmentItem;

/**
 * One pass over a transaction's undecided instances (PS3.4 J.3.3.1.1): each is committed, failed, or left
 * pending while the transaction's waiting time lasts. When none is left pending the transaction is
 * decided and its report due; otherwise it is looked at again a little later.
 */
final class Verification {

    /** How soon a transaction with instances still waited for is looked at again. */
    static final Duration RECHECK = Duration.ofSeconds(1);

    private Verification() {
    }

    /** Decides what it can of {@code c} (changed in place); true when every instance is decided. */
    static boolean pass(Commitment c, Map<String, InstanceCheck.Stored> stored, Path root, CommitmentPolicy policy,
                        Instant now) {
        boolean mayWait = now.isBefore(c.getWaitUntil());
        int pending = 0;
        String waitingFor = null;
        for (CommitmentItem item : c.getItems()) {
            if (item.getResult() != CommitmentItem.Result.PENDING) {
                continue;
            }
            InstanceCheck.Decision d = InstanceCheck.check(item.getSopClassUid(),
                    stored.get(item.getSopInstanceUid()), root, policy, mayWait);
            if (d.pending()) {
                item.pending(d.why());
                pending++;
                waitingFor = d.why();
            } else if (d.committed()) {
                item.committed();
            } else {
                item.failed(d.failureReason(), d.why());
            }
        }
        if (pending == 0) {
            c.decided(now);
            return true;
        }
        Instant next = now.plus(RECHECK);
        c.verifyAgainAt(next.isAfter(c.getWaitUntil()) ? c.getWaitUntil() : next,
                pending + " instance(s) waited for (" + waitingFor + ") until " + c.getWaitUntil());
        return false;
    }

    /** A transaction whose UID was in use: every instance fails with Duplicate transaction UID. */
    static void duplicate(Commitment c, Instant now) {
        for (CommitmentItem item : c.getItems()) {
            item.failed(InstanceCheck.DUPLICATE_TRANSACTION_UID, "the Transaction UID " + c.getTransactionUid()
                    + " is already in use by an earlier request");
        }
        c.decided(now);
    }
}
