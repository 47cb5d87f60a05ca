package org.beaconpacs.archive.index;

import java.util.function.Supplier;
import org.beaconpacs.dicom.data.Attributes;

/**
 * What to index for one received object: its data set (bulk data left in the file), where the file is
 * (relative to the storage root), and how it came. The digest is asked for only where it is needed: a
 * received object's may still be finishing on another thread.
 */
public record IndexRequest(Attributes dataset, String path, long size, Supplier<String> digest, String digestAlgorithm,
                           String transferSyntax, boolean durable, String sourceAe, Long associationSerial) {

    /** The same request for a file at {@code newPath}. */
    public IndexRequest withPath(String newPath) {
        return new IndexRequest(dataset, newPath, size, digest, digestAlgorithm, transferSyntax, durable, sourceAe,
                associationSerial);
    }
}
