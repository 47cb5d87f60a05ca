package org.beaconpacs.archive.print;

/** An event: a print job's Execution Status changed (PENDING, PRINTING, DONE, FAILURE). */
public record PrintJobChanged(PrintJobSummary job) {
}
