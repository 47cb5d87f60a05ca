package org.beaconpacs.archive.retrieve;

/** The retrieve settings (README "Configuration"), read at each retrieve. */
final class RetrieveSettings {

    private RetrieveSettings() {
    }

    /** At most this often a C-MOVE or C-GET sends a pending response with the counts (BEACON_RETRIEVE_PENDING_MILLIS). */
    static long pendingIntervalMillis() {
        return Long.parseLong(System.getProperty("beacon.retrieve.pending-millis", "1000").strip());
    }

    /** Associations a C-MOVE opens to its destination at once (BEACON_MOVE_ASSOCIATIONS), at least 1. */
    static int moveAssociations() {
        return Math.max(1, Integer.parseInt(System.getProperty("beacon.retrieve.move-associations", "1").strip()));
    }
}
