package org.beaconpacs.archive.dimse;

import org.beaconpacs.archive.rar.api.AssociationReport;

/** An event: an association (or an attempt at one) ended, with the adapter's report of it. */
public record AssociationEnded(AssociationReport report) {
}
