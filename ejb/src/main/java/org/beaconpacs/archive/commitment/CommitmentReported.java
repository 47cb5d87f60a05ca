package org.beaconpacs.archive.commitment;

import org.beaconpacs.archive.entity.commitment.Commitment;

/** An event: a storage commitment report was delivered, or given up, or is to be tried again. */
public record CommitmentReported(String transactionUid, String requestingAe, Commitment.State state, int committed,
                                 int failed, String delivery, String detail) {
}
