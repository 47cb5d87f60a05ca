package org.beaconpacs.archive.activity;

import java.io.Serializable;

/** What the associations since a moment did: how many, objects and bytes stored, how many did not end well. */
public record Totals(long associations, long objectsStored, long bytesStored, long unsuccessful) implements Serializable {
}
