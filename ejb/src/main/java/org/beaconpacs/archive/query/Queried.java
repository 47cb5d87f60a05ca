package org.beaconpacs.archive.query;

import org.beaconpacs.archive.index.Level;
import org.beaconpacs.dicom.data.Attributes;

/**
 * A query was answered (for the audit trail and the activity pages).
 *
 * @param requestor the calling AE title or user
 * @param sopClass the information model's FIND SOP class
 * @param level the query's level; null for a worklist query (no levels)
 * @param result how it ended; null for a worklist query
 * @param keys the identifier as received
 * @param requestorHost where the requestor is, or null
 */
public record Queried(String requestor, Long association, String sopClass, Level level, Attributes keys,
                      FindResult result, String requestorHost) {
}
