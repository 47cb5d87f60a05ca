package org.beaconpacs.archive.commitment;

import java.time.Duration;

/** The storage commitment settings (README "Configuration"), read at each request. */
final class CommitmentSettings {

    private CommitmentSettings() {
    }

    /** What is checked of each instance (BEACON_COMMIT_VERIFY): file, durable, digest by default. */
    static CommitmentPolicy policy() {
        return CommitmentPolicy.parse(System.getProperty("beacon.commitment.verify", "file,durable,digest"));
    }

    /**
     * How long an instance not yet received, or not yet on stable storage, is waited for before it counts
     * as failed (BEACON_COMMIT_WAIT_SECONDS): a modality may ask first and send after.
     */
    static Duration waitForInstances() {
        return seconds("beacon.commitment.wait-seconds", "600");
    }

    /**
     * For how long after the request the report goes on the request's association if it is still open
     * (BEACON_COMMIT_SAME_ASSOCIATION_SECONDS); later, or once it has closed, on a new association.
     */
    static Duration sameAssociation() {
        return seconds("beacon.commitment.same-association-seconds", "60");
    }

    /** For how long an undelivered report is tried again, with growing pauses (BEACON_COMMIT_RETRY_HOURS). */
    static Duration retryFor() {
        return Duration.ofHours(Long.parseLong(System.getProperty("beacon.commitment.retry-hours", "24").strip()));
    }

    private static Duration seconds(String property, String otherwise) {
        return Duration.ofSeconds(Long.parseLong(System.getProperty(property, otherwise).strip()));
    }
}
