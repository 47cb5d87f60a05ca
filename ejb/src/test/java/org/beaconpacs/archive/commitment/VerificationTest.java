package org.beaconpacs.archive.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.entity.commitment.Commitment;
import org.beaconpacs.archive.entity.commitment.CommitmentItem;
import org.beaconpacs.dicom.dict.UID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerificationTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    /** Checks that need no file: the index and the class (the file checks have InstanceCheckTest). */
    private static final CommitmentPolicy INDEX_ONLY = new CommitmentPolicy(EnumSet.noneOf(CommitmentPolicy.Check.class));

    @TempDir
    Path root;

    private static Commitment request(String... uids) {
        List<CommitmentItem> items = java.util.Arrays.stream(uids)
                .map(u -> new CommitmentItem(UID.CTImageStorage, u)).toList();
        return new Commitment("1.2.3.100", "MODALITY", "BEACON", 7L, T0, T0.plus(Duration.ofMinutes(5)),
                T0.plus(Duration.ofHours(24)), items);
    }

    private static InstanceCheck.Stored ct() {
        return new InstanceCheck.Stored(UID.CTImageStorage, "x.dcm", "00", "SHA-256", true);
    }

    @Test
    void aMixedRequestIsDecidedInstanceByInstanceOnceTheWaitingTimeIsOver() {
        Commitment c = request("1.1", "1.2", "1.3");
        Map<String, InstanceCheck.Stored> stored = new HashMap<>();
        stored.put("1.1", ct());
        stored.put("1.3", new InstanceCheck.Stored(UID.MRImageStorage, "y.dcm", "00", "SHA-256", true));

        assertFalse(Verification.pass(c, stored, root, INDEX_ONLY, T0), "1.2 is waited for");
        assertEquals(Commitment.State.VERIFYING, c.getState());
        assertEquals(T0.plus(Verification.RECHECK), c.getDue());
        assertEquals(CommitmentItem.Result.COMMITTED, c.getItems().get(0).getResult());
        assertEquals(CommitmentItem.Result.PENDING, c.getItems().get(1).getResult());
        assertEquals(0x0119, c.getItems().get(2).getFailureReason());

        assertTrue(Verification.pass(c, stored, root, INDEX_ONLY, c.getWaitUntil()));
        assertEquals(Commitment.State.REPORTING, c.getState());
        assertEquals(0x0112, c.getItems().get(1).getFailureReason());
        assertEquals(1, c.getCommitted());
        assertEquals(2, c.getFailed());
    }

    @Test
    void anInstanceThatArrivesWhileWaitedForIsCommitted() {
        Commitment c = request("2.1");
        Map<String, InstanceCheck.Stored> stored = new HashMap<>();
        assertFalse(Verification.pass(c, stored, root, INDEX_ONLY, T0));
        stored.put("2.1", ct());
        assertTrue(Verification.pass(c, stored, root, INDEX_ONLY, T0.plusSeconds(2)));
        assertEquals(1, c.getCommitted());
        assertEquals(0, c.getFailed());
    }

    @Test
    void theLastRecheckIsAtTheEndOfTheWaitingTimeNotAfterIt() {
        Commitment c = request("3.1");
        Instant late = c.getWaitUntil().minusMillis(100);
        assertFalse(Verification.pass(c, Map.of(), root, INDEX_ONLY, late));
        assertEquals(c.getWaitUntil(), c.getDue());
    }

    @Test
    void aDuplicateTransactionUidFailsEveryInstance() {
        Commitment c = request("4.1", "4.2");
        Verification.duplicate(c, T0);
        assertEquals(Commitment.State.REPORTING, c.getState());
        assertEquals(2, c.getFailed());
        assertTrue(c.getItems().stream().allMatch(i -> i.getFailureReason() == 0x0131));
    }
}
