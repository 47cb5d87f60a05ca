package org.beaconpacs.dicom.net.association;

import java.time.Duration;

/**
 * Time limits of an association, all settable: connect (requestor), ARTIM (PS3.8 9.1.5: waiting for
 * the A-ASSOCIATE-RQ, the AC/RJ, the A-RELEASE-RP, or the close after an abort), DIMSE response (an SCU
 * waiting for an answer), and idle (no PDU at all in an established association).
 */
public record Timeouts(Duration connect, Duration artim, Duration dimseResponse, Duration idle) {

    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofSeconds(60), Duration.ofMinutes(5));

    public Timeouts withArtim(Duration artim) {
        return new Timeouts(connect, artim, dimseResponse, idle);
    }

    public Timeouts withIdle(Duration idle) {
        return new Timeouts(connect, artim, dimseResponse, idle);
    }

    public Timeouts withDimseResponse(Duration dimseResponse) {
        return new Timeouts(connect, artim, dimseResponse, idle);
    }

    /** A duration as socket timeout milliseconds. */
    public static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }
}
