package org.beaconpacs.archive.audit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.dimse.AssociationEnded;
import org.beaconpacs.archive.rar.api.AssociationInfo;
import org.beaconpacs.archive.rar.api.AssociationReport;
import org.junit.jupiter.api.Test;

class StoreAuditTest {

    /** A node refused in its TLS handshake never named its AE title: nothing to say of transfers (nor a crash). */
    @Test
    void aConnectionNeverEstablishedMakesNoTransferMessage() {
        AssociationInfo refused = new AssociationInfo(1, null, null, "192.0.2.7", 40000, 2762, Map.of());
        AssociationReport report = new AssociationReport(refused, Instant.now(), Instant.now(),
                AssociationReport.Outcome.NOT_ESTABLISHED, AssociationReport.TLS_FAILED + "no certificate", 0, 0,
                null, Map.of(), 0, 0, Map.of(), List.of(), false);
        assertDoesNotThrow(() -> new StoreAudit().ended(new AssociationEnded(report))); // no trail: none used
    }
}
