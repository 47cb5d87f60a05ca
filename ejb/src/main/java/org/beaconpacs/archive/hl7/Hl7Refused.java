package org.beaconpacs.archive.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;

/** Why a message is not applied: the acknowledgement code (AE or AR) and the HL7 error code for ERR-3. */
final class Hl7Refused extends Exception {

    private final AcknowledgmentCode code;
    private final ErrorCode error;

    Hl7Refused(AcknowledgmentCode code, ErrorCode error, String message) {
        super(message);
        this.code = code;
        this.error = error;
    }

    AcknowledgmentCode code() {
        return code;
    }

    ErrorCode error() {
        return error;
    }
}
