package org.beaconpacs.archive.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.beaconpacs.archive.entity.commitment.Commitment;
import org.beaconpacs.archive.entity.commitment.CommitmentItem;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.dimse.Status;
import org.junit.jupiter.api.Test;

/** A remote SCP's report to a request of the archive: validated, then put on the request's instances. */
class ReceivedReportTest {

    private static final String INSTANCE = UID.StorageCommitmentPushModelInstance;

    private static Attributes info(String transactionUid, String[] committed, String[] failed, int reason) {
        Attributes info = new Attributes();
        if (transactionUid != null) {
            info.setString(Tag.TransactionUID, VR.UI, transactionUid);
        }
        info.setString(Tag.RetrieveAETitle, VR.AE, "LTA");
        add(info, Tag.ReferencedSOPSequence, committed, null);
        add(info, Tag.FailedSOPSequence, failed, reason);
        return info;
    }

    private static void add(Attributes info, int sequence, String[] uids, Integer reason) {
        if (uids.length == 0) {
            return;
        }
        Sequence refs = info.newSequence(sequence);
        for (String uid : uids) {
            Attributes ref = new Attributes();
            ref.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.CTImageStorage);
            ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, uid);
            if (reason != null) {
                ref.setInt(Tag.FailureReason, VR.US, reason);
            }
            refs.add(ref);
        }
    }

    private static Commitment asked(String... uids) {
        Instant t = Instant.parse("2026-12-02T10:00:00Z");
        List<CommitmentItem> items = java.util.Arrays.stream(uids).map(u -> new CommitmentItem(UID.CTImageStorage, u))
                .toList();
        return Commitment.asked("1.2.3.300", "BEACON", "LTA", t, t.plusSeconds(86400), items);
    }

    @Test
    void eachInstanceTakesTheResultTheReportGivesIt() throws Exception {
        Commitment c = asked("1.1", "1.2", "1.3");
        ReceivedReport r = ReceivedReport.of(2, INSTANCE, info("1.2.3.300", new String[] {"1.1"}, new String[] {"1.2"},
                0x0112));
        assertEquals("1.2.3.300", r.transactionUid());
        assertEquals("LTA", r.retrieveAeTitle());
        r.applyTo(c);
        c.reportReceived("SAME_ASSOCIATION", Instant.now());
        assertEquals(CommitmentItem.Result.COMMITTED, c.getItems().get(0).getResult());
        assertNull(c.getItems().get(0).getFailureReason());
        assertEquals(CommitmentItem.Result.FAILED, c.getItems().get(1).getResult());
        assertEquals(0x0112, c.getItems().get(1).getFailureReason());
        assertTrue(c.getItems().get(1).getDetail().contains("no such object instance"), c.getItems().get(1).getDetail());
        // left out of the report: the report closes the transaction, so it failed
        assertEquals(CommitmentItem.Result.FAILED, c.getItems().get(2).getResult());
        assertEquals(Status.PROCESSING_FAILURE, c.getItems().get(2).getFailureReason());
        assertEquals(1, c.getCommitted());
        assertEquals(2, c.getFailed());
        assertEquals(Commitment.State.REPORTED, c.getState());
        assertEquals(Commitment.Role.SCU, c.getRole());
    }

    @Test
    void aReportThatContradictsItselfOrLacksItsArgumentsIsRefusedWithTheNEventReportStatuses() {
        assertEquals(Status.NO_SUCH_EVENT_TYPE, refused(3, INSTANCE, info("1.2.3.300", new String[] {"1.1"},
                new String[0], 0)));
        assertEquals(Status.INVALID_OBJECT_INSTANCE, refused(1, "1.2.3", info("1.2.3.300", new String[] {"1.1"},
                new String[0], 0)));
        assertEquals(Status.INVALID_ARGUMENT_VALUE, refused(1, INSTANCE, info(null, new String[] {"1.1"},
                new String[0], 0)));
        assertEquals(Status.INVALID_ARGUMENT_VALUE, refused(2, INSTANCE, info("1.2.3.300", new String[] {"1.1"},
                new String[0], 0)), "failures exist, none named");
        assertEquals(Status.INVALID_ARGUMENT_VALUE, refused(1, INSTANCE, info("1.2.3.300", new String[0],
                new String[] {"1.1"}, 0x0110)), "successful, with a failure");
    }

    private static int refused(int eventType, String instance, Attributes info) {
        return assertThrows(CommitmentRequest.Invalid.class, () -> ReceivedReport.of(eventType, instance, info))
                .status();
    }

    @Test
    void aRequestOfTheArchiveAwaitsItsReportUntilItsRetryTimeAndMayFailOnTheWay() {
        Commitment c = asked("1.1");
        assertEquals(Commitment.State.AWAITING_REPORT, c.getState());
        assertEquals(c.getGiveUp(), c.getDue(), "the worker looks at it again when it is no longer awaited");
        c.requestFailed("LTA refused");
        assertEquals(Commitment.State.NOT_REPORTED, c.getState());
        assertEquals("LTA refused", c.getDetail());
    }
}
