package org.beaconpacs.archive.storage;

import java.nio.file.Path;

/** A data set received into a temporary Part 10 file: its size and digest (over the whole file). */
record ReceivedObject(Path temporary, long size, String digest, String transferSyntax) {
}
