package org.beaconpacs.archive.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.beaconpacs.archive.storage.StoreOutcome.Result;
import org.beaconpacs.dicom.net.dimse.Status;
import org.junit.jupiter.api.Test;

/** The store's outcomes in the C-STORE statuses of PS3.4 B.2.3. */
class StorageScpTest {

    @Test
    void eachOutcomeHasItsStatus() {
        assertEquals(Status.SUCCESS, StorageScp.status(Result.STORED));
        assertEquals(Status.SUCCESS, StorageScp.status(Result.ALREADY_STORED));
        assertEquals(0xB006, StorageScp.status(Result.DUPLICATE_DISCARDED));
        assertEquals(0xC000, StorageScp.status(Result.CANNOT_UNDERSTAND));
        assertEquals(0xA900, StorageScp.status(Result.DOES_NOT_MATCH));
        assertEquals(0xA700, StorageScp.status(Result.OUT_OF_RESOURCES));
        assertEquals(0x0110, StorageScp.status(Result.STUDY_BEING_DELETED));
        assertEquals(0x0110, StorageScp.status(Result.PROCESSING_FAILURE));
    }
}
