package org.beaconpacs.archive.index;

import org.beaconpacs.dicom.data.Attributes;

/**
 * What to index for one received object: its data set (bulk data left in the file), where the file is
 * (relative to the storage root), and how it came.
 */
public record IndexRequest(Attributes dataset, String path, long size, String digest, String digestAlgorithm,
                           String transferSyntax, boolean durable, String sourceAe, Long associationSerial) {
}
