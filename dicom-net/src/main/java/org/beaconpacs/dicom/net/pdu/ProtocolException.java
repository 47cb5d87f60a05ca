package org.beaconpacs.dicom.net.pdu;

import java.io.IOException;

/**
 * The peer broke the Upper Layer protocol: a malformed or unexpected PDU. The association ends with an
 * A-ABORT carrying {@link #abortReason()} (PS3.8 9.3.8: 0 not specified, 1 unrecognized PDU,
 * 2 unexpected PDU, 4 unrecognized PDU parameter, 5 unexpected PDU parameter, 6 invalid PDU parameter value).
 */
public class ProtocolException extends IOException {

    private final int abortReason;

    public ProtocolException(String message, int abortReason) {
        super(message);
        this.abortReason = abortReason;
    }

    public int abortReason() {
        return abortReason;
    }
}
