package org.beaconpacs.archive.retrieve;

import java.util.Map;

/**
 * A retrieve begins sending (for the audit trail's Begin Transferring DICOM Instances): the instances are
 * known, no sub-operation has run yet. {@link Retrieved} tells how it ended.
 *
 * @param requestor the calling AE title, or the user of a REST export
 * @param destination the AE the instances go to (the requestor itself for C-GET)
 * @param studies per Study Instance UID, the number of instances per SOP Class UID
 */
public record RetrieveStarted(String requestor, String destination, String requestorHost,
                              Map<String, Map<String, Integer>> studies, Retrieved.Transfer how) {
}
