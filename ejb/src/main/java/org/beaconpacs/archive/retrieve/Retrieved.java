package org.beaconpacs.archive.retrieve;

import org.beaconpacs.archive.index.Level;

/**
 * A retrieve ended (for the audit trail and the activity pages).
 *
 * @param requestor the calling AE title, or the user of a REST export
 * @param destination the AE the instances went to (the requestor itself for C-GET)
 * @param status the final status
 */
public record Retrieved(String requestor, Long association, String destination, Level level, int completed,
                        int failed, int warning, int status) {
}
