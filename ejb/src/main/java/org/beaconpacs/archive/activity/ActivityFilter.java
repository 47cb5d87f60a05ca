package org.beaconpacs.archive.activity;

import java.io.Serializable;
import java.time.Instant;

/**
 * Which association records to list; null fields do not filter. {@code aeTitle} matches the calling or
 * the called AE title; {@code from} is inclusive, {@code to} exclusive; {@code outcome} is one of
 * {@link ActivityService#outcomes()}.
 */
public record ActivityFilter(String aeTitle, Instant from, Instant to, String outcome)
        implements Serializable {
}
