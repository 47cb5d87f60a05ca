package org.beaconpacs.archive.print;

/** An event: an administrator changed a printer's status (NORMAL, WARNING, FAILURE) or its status info. */
public record PrinterStatusChanged(PrinterSettings printer) {
}
