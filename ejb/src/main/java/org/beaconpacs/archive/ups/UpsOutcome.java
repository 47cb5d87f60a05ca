package org.beaconpacs.archive.ups;

/** A UPS request that succeeded, or succeeded with a warning (status and its meaning; 0 and null for none). */
public record UpsOutcome(int status, String warning) {

    public static final UpsOutcome SUCCESS = new UpsOutcome(0, null);
}
