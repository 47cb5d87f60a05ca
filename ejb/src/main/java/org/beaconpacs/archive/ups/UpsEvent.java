package org.beaconpacs.archive.ups;

import java.util.Set;

/**
 * A UPS event report (PS3.4 CC.2.4: 1 UPS State Report, 2 UPS Cancel Requested, 3 UPS Progress Report) for
 * the AEs subscribed to it, as DICOM JSON: fired in the transaction that caused it, delivered after commit.
 */
public record UpsEvent(String workitemUid, int eventType, Set<String> subscribers, String json) {

    public static final int STATE_REPORT = 1;
    public static final int CANCEL_REQUESTED = 2;
    public static final int PROGRESS_REPORT = 3;
}
