package org.beaconpacs.archive.retrieve;

import java.nio.file.Path;

/** An instance to retrieve: where its file is and what it holds, as the index says. */
public record StoredInstance(Path file, String sopClass, String sopInstance, String transferSyntax, String studyUid) {
}
