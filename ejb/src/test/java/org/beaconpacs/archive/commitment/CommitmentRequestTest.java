package org.beaconpacs.archive.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.junit.jupiter.api.Test;

class CommitmentRequestTest {

    private static final String INSTANCE = UID.StorageCommitmentPushModelInstance;

    private static Attributes info(String transactionUid, String... instances) {
        Attributes info = new Attributes();
        if (transactionUid != null) {
            info.setString(Tag.TransactionUID, VR.UI, transactionUid);
        }
        Sequence refs = info.newSequence(Tag.ReferencedSOPSequence);
        for (String uid : instances) {
            Attributes ref = new Attributes();
            ref.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.CTImageStorage);
            if (!uid.isEmpty()) {
                ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, uid);
            }
            refs.add(ref);
        }
        return info;
    }

    private static int status(int actionType, String instance, Attributes info) {
        return assertThrows(CommitmentRequest.Invalid.class, () -> CommitmentRequest.of(actionType, instance, info))
                .status();
    }

    @Test
    void aWellFormedRequestGivesItsTransactionAndInstances() throws Exception {
        CommitmentRequest r = CommitmentRequest.of(1, INSTANCE, info("1.2.3", "1.1", "1.2"));
        assertEquals("1.2.3", r.transactionUid());
        assertEquals(2, r.items().size());
        assertEquals("1.2", r.items().get(1).getSopInstanceUid());
        assertEquals(UID.CTImageStorage, r.items().get(1).getSopClassUid());
    }

    @Test
    void eachFlawHasTheStatusPs37ListsForNAction() {
        assertEquals(0x0123, status(2, INSTANCE, info("1.2.3", "1.1")), "no such action type");
        assertEquals(0x0117, status(1, "1.2.3.4", info("1.2.3", "1.1")), "invalid object instance");
        assertEquals(0x0115, status(1, INSTANCE, info(null, "1.1")), "no Transaction UID");
        assertEquals(0x0115, status(1, INSTANCE, info("1.2.3")), "no Referenced SOP Sequence item");
        assertEquals(0x0115, status(1, INSTANCE, info("1.2.3", "1.1", "")), "an item without its instance UID");
        assertEquals(0x0115, status(1, INSTANCE, null), "no Action Information at all");
        assertTrue(assertThrows(CommitmentRequest.Invalid.class, () -> CommitmentRequest.of(1, INSTANCE,
                info("1.2.3", "1.1", ""))).getMessage().contains("item 2"));
    }
}
