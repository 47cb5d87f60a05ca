package org.beaconpacs.dicom.net.pdu;

/** A-ABORT (PS3.8 9.3.8): who aborted and, for the provider, why. */
public record AAbort(int source, int reason) {

    public static final int SOURCE_SERVICE_USER = 0;
    public static final int SOURCE_SERVICE_PROVIDER = 2;

    public static final int REASON_NOT_SPECIFIED = 0;
    public static final int REASON_UNRECOGNIZED_PDU = 1;
    public static final int REASON_UNEXPECTED_PDU = 2;
    public static final int REASON_UNRECOGNIZED_PDU_PARAMETER = 4;
    public static final int REASON_UNEXPECTED_PDU_PARAMETER = 5;
    public static final int REASON_INVALID_PDU_PARAMETER_VALUE = 6;

    public static AAbort byUser() {
        return new AAbort(SOURCE_SERVICE_USER, REASON_NOT_SPECIFIED);
    }

    public static AAbort byProvider(int reason) {
        return new AAbort(SOURCE_SERVICE_PROVIDER, reason);
    }

    @Override
    public String toString() {
        String why = switch (reason) {
            case REASON_UNRECOGNIZED_PDU -> "unrecognized PDU";
            case REASON_UNEXPECTED_PDU -> "unexpected PDU";
            case REASON_UNRECOGNIZED_PDU_PARAMETER -> "unrecognized PDU parameter";
            case REASON_UNEXPECTED_PDU_PARAMETER -> "unexpected PDU parameter";
            case REASON_INVALID_PDU_PARAMETER_VALUE -> "invalid PDU parameter value";
            default -> "reason not specified";
        };
        return "A-ABORT by " + (source == SOURCE_SERVICE_USER ? "service user" : source == SOURCE_SERVICE_PROVIDER
                ? "service provider" : "source " + source) + ": " + why;
    }
}
