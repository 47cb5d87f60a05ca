package org.beaconpacs.archive.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterListenersTest {

    @Test
    void aNodesListenersReadBackAsItToldThemUnderItsName() {
        Instant seen = Instant.ofEpochMilli(1_764_000_000_123L);
        List<ListenerStatus> told = List.of(
                new ListenerStatus("node1", "0.0.0.0", 11112, false, List.of("BEACON", "BEACON_QR"), true, null, 3, seen),
                new ListenerStatus("node1", "0.0.0.0", 2762, true, List.of("BEACON"), false, "Address in use", 0, seen));
        List<ListenerStatus> read = ClusterListeners.parse("node2", ClusterListeners.text(told, seen));
        assertEquals(2, read.size());
        assertEquals(new ListenerStatus("node2", "0.0.0.0", 11112, false, List.of("BEACON", "BEACON_QR"), true, null,
                3, seen), read.get(0));
        assertEquals("Address in use", read.get(1).problem());
        assertTrue(read.get(1).tls());
    }

    @Test
    void aNodeIsSilentOnceItMissedThreeTurns() {
        Instant seen = Instant.parse("2026-12-03T08:00:00Z");
        ListenerStatus l = new ListenerStatus("node2", "0.0.0.0", 11112, false, List.of("BEACON"), true, null, 0, seen);
        assertFalse(l.silent(seen.plus(ClusterListeners.SILENT_AFTER)));
        assertTrue(l.silent(seen.plus(ClusterListeners.SILENT_AFTER).plusMillis(1)));
    }
}
