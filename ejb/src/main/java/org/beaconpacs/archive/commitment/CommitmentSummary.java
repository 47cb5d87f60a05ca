package org.beaconpacs.archive.commitment;

import java.time.Instant;
import java.util.List;
import org.beaconpacs.archive.entity.commitment.Commitment;
import org.beaconpacs.archive.entity.commitment.CommitmentItem;

/**
 * A storage commitment transaction as the console and the REST API show it: who asked, when, how many
 * instances, committed and failed, and where the report stands (state, delivery, attempts, why).
 *
 * @param role SCP when asked of this archive, SCU when this archive asked (calledAe is then the remote AE)
 * @param items the instances with their results; empty in lists
 */
public record CommitmentSummary(long id, String role, String transactionUid, String requestingAe, String calledAe,
                                Instant received, String state, int instances, int committed, int failed,
                                String delivery, int attempts, String detail, Instant reported, Instant nextAttempt,
                                List<Item> items) {

    /** One instance of the request and its result (Failure Reason of PS3.3 C.14.1.1 when failed). */
    public record Item(String sopClassUid, String sopInstanceUid, String result, Integer failureReason,
                       String detail) {
    }

    static CommitmentSummary of(Commitment c, int instances, boolean withItems) {
        boolean open = c.getState() == Commitment.State.VERIFYING || c.getState() == Commitment.State.REPORTING;
        return new CommitmentSummary(c.getId(), c.getRole().name(), c.getTransactionUid(), c.getRequestingAe(), c.getCalledAe(),
                c.getReceived(), c.getState().name(), instances, c.getCommitted(), c.getFailed(), c.getDelivery(),
                c.getAttempts(), c.getDetail(), c.getReported(), open ? c.getDue() : null,
                withItems ? c.getItems().stream().map(CommitmentSummary::item).toList() : List.of());
    }

    private static Item item(CommitmentItem i) {
        return new Item(i.getSopClassUid(), i.getSopInstanceUid(), i.getResult().name(), i.getFailureReason(),
                i.getDetail());
    }
}
