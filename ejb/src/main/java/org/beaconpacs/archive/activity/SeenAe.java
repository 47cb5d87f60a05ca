package org.beaconpacs.archive.activity;

import java.io.Serializable;
import java.time.Instant;

/**
 * A calling AE title that has connected but is not configured: where from, when last, how often, and
 * what its associations asked for (request counts, e.g. "C-ECHO-RQ 2, C-STORE-RQ 40").
 */
public record SeenAe(String aeTitle, String host, Instant lastSeen, long associations, String requests)
        implements Serializable {
}
