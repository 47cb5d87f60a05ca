package org.beaconpacs.archive.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.beaconpacs.archive.entity.commitment.Commitment;
import org.beaconpacs.archive.entity.commitment.CommitmentItem;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.junit.jupiter.api.Test;

class EventReportTest {

    private static Commitment commitment(CommitmentItem... items) {
        Instant t = Instant.parse("2026-12-02T10:00:00Z");
        return new Commitment("1.2.3.200", "MODALITY", "BEACON", null, t, t, t, List.of(items));
    }

    @Test
    void everyInstanceCommittedIsEventTypeOneWithoutAFailedSopSequence() {
        CommitmentItem a = new CommitmentItem(UID.CTImageStorage, "1.1");
        a.committed();
        EventReport r = EventReport.of(commitment(a), "BEACON");
        assertEquals(1, r.eventTypeId());
        Attributes info = r.information();
        assertEquals("1.2.3.200", info.getString(Tag.TransactionUID));
        assertEquals("BEACON", info.getString(Tag.RetrieveAETitle));
        assertEquals("1.1", info.getSequence(Tag.ReferencedSOPSequence).get(0).getString(Tag.ReferencedSOPInstanceUID));
        assertNull(info.getSequence(Tag.FailedSOPSequence));
    }

    @Test
    void aFailureMakesEventTypeTwoWithItsReason() {
        CommitmentItem a = new CommitmentItem(UID.CTImageStorage, "1.1");
        a.committed();
        CommitmentItem b = new CommitmentItem(UID.CTImageStorage, "1.2");
        b.failed(0x0112, "not stored");
        EventReport r = EventReport.of(commitment(a, b), "BEACON");
        assertEquals(2, r.eventTypeId());
        Attributes failed = r.information().getSequence(Tag.FailedSOPSequence).get(0);
        assertEquals("1.2", failed.getString(Tag.ReferencedSOPInstanceUID));
        assertEquals(UID.CTImageStorage, failed.getString(Tag.ReferencedSOPClassUID));
        assertEquals(0x0112, failed.getInt(Tag.FailureReason, -1));
        assertEquals(1, r.information().getSequence(Tag.ReferencedSOPSequence).size());
    }

    @Test
    void anUndecidedTransactionHasNoReport() {
        assertThrows(IllegalStateException.class,
                () -> EventReport.of(commitment(new CommitmentItem(UID.CTImageStorage, "1.3")), "BEACON"));
    }
}
