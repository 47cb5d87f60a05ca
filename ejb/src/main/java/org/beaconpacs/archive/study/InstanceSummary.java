package org.beaconpacs.archive.study;

import java.io.Serializable;

/** An instance with its stored file, as the drill-down shows it. */
public record InstanceSummary(String sopInstanceUid, String sopClassUid, Integer instanceNumber,
                              String transferSyntax, long size, String digest, String digestAlgorithm,
                              boolean durable, String path) implements Serializable {
}
