package org.beaconpacs.dicom.net.pdu;

/** A-ASSOCIATE-RJ (PS3.8 9.3.4): result, source and reason of a rejected association. */
public record AAssociateRJ(int result, int source, int reason) {

    public static final int RESULT_PERMANENT = 1;
    public static final int RESULT_TRANSIENT = 2;

    public static final int SOURCE_SERVICE_USER = 1;
    public static final int SOURCE_SERVICE_PROVIDER_ACSE = 2;
    public static final int SOURCE_SERVICE_PROVIDER_PRESENTATION = 3;

    // source 1, service user
    public static final int REASON_NO_REASON_GIVEN = 1;
    public static final int REASON_APPLICATION_CONTEXT_NOT_SUPPORTED = 2;
    public static final int REASON_CALLING_AE_NOT_RECOGNIZED = 3;
    public static final int REASON_CALLED_AE_NOT_RECOGNIZED = 7;
    // source 2, ACSE related
    public static final int REASON_PROTOCOL_VERSION_NOT_SUPPORTED = 2;
    // source 3, presentation related
    public static final int REASON_TEMPORARY_CONGESTION = 1;
    public static final int REASON_LOCAL_LIMIT_EXCEEDED = 2;

    public static AAssociateRJ calledAeTitleNotRecognized() {
        return new AAssociateRJ(RESULT_PERMANENT, SOURCE_SERVICE_USER, REASON_CALLED_AE_NOT_RECOGNIZED);
    }

    public static AAssociateRJ callingAeTitleNotRecognized() {
        return new AAssociateRJ(RESULT_PERMANENT, SOURCE_SERVICE_USER, REASON_CALLING_AE_NOT_RECOGNIZED);
    }

    public static AAssociateRJ noReasonGiven() {
        return new AAssociateRJ(RESULT_PERMANENT, SOURCE_SERVICE_USER, REASON_NO_REASON_GIVEN);
    }

    public static AAssociateRJ applicationContextNotSupported() {
        return new AAssociateRJ(RESULT_PERMANENT, SOURCE_SERVICE_USER, REASON_APPLICATION_CONTEXT_NOT_SUPPORTED);
    }

    public static AAssociateRJ protocolVersionNotSupported() {
        return new AAssociateRJ(RESULT_PERMANENT, SOURCE_SERVICE_PROVIDER_ACSE, REASON_PROTOCOL_VERSION_NOT_SUPPORTED);
    }

    public static AAssociateRJ localLimitExceeded() {
        return new AAssociateRJ(RESULT_TRANSIENT, SOURCE_SERVICE_PROVIDER_PRESENTATION, REASON_LOCAL_LIMIT_EXCEEDED);
    }

    /** The rejection in words an administrator understands. */
    @Override
    public String toString() {
        String r = result == RESULT_PERMANENT ? "rejected-permanent" : result == RESULT_TRANSIENT
                ? "rejected-transient" : "result " + result;
        return "A-ASSOCIATE-RJ " + r + ": " + reasonText();
    }

    public String reasonText() {
        return switch (source) {
            case SOURCE_SERVICE_USER -> switch (reason) {
                case REASON_NO_REASON_GIVEN -> "no reason given";
                case REASON_APPLICATION_CONTEXT_NOT_SUPPORTED -> "application context name not supported";
                case REASON_CALLING_AE_NOT_RECOGNIZED -> "calling AE title not recognized";
                case REASON_CALLED_AE_NOT_RECOGNIZED -> "called AE title not recognized";
                default -> "service user reason " + reason;
            };
            case SOURCE_SERVICE_PROVIDER_ACSE -> reason == REASON_PROTOCOL_VERSION_NOT_SUPPORTED
                    ? "protocol version not supported" : "no reason given (ACSE)";
            case SOURCE_SERVICE_PROVIDER_PRESENTATION -> reason == REASON_LOCAL_LIMIT_EXCEEDED
                    ? "local limit exceeded" : reason == REASON_TEMPORARY_CONGESTION ? "temporary congestion"
                    : "presentation reason " + reason;
            default -> "source " + source + " reason " + reason;
        };
    }
}
