package org.beaconpacs.dicom.net.dimse;

/** Command Field (0000,0100) values of PS3.7 section 9 and 10. A response is its request with bit 15 set. */
public final class CommandField {

    public static final int C_STORE_RQ = 0x0001;
    public static final int C_GET_RQ = 0x0010;
    public static final int C_FIND_RQ = 0x0020;
    public static final int C_MOVE_RQ = 0x0021;
    public static final int C_ECHO_RQ = 0x0030;
    public static final int N_EVENT_REPORT_RQ = 0x0100;
    public static final int N_GET_RQ = 0x0110;
    public static final int N_SET_RQ = 0x0120;
    public static final int N_ACTION_RQ = 0x0130;
    public static final int N_CREATE_RQ = 0x0140;
    public static final int N_DELETE_RQ = 0x0150;
    public static final int C_CANCEL_RQ = 0x0FFF;

    public static final int RESPONSE = 0x8000;

    public static final int C_STORE_RSP = C_STORE_RQ | RESPONSE;
    public static final int C_GET_RSP = C_GET_RQ | RESPONSE;
    public static final int C_FIND_RSP = C_FIND_RQ | RESPONSE;
    public static final int C_MOVE_RSP = C_MOVE_RQ | RESPONSE;
    public static final int C_ECHO_RSP = C_ECHO_RQ | RESPONSE;
    public static final int N_EVENT_REPORT_RSP = N_EVENT_REPORT_RQ | RESPONSE;
    public static final int N_GET_RSP = N_GET_RQ | RESPONSE;
    public static final int N_SET_RSP = N_SET_RQ | RESPONSE;
    public static final int N_ACTION_RSP = N_ACTION_RQ | RESPONSE;
    public static final int N_CREATE_RSP = N_CREATE_RQ | RESPONSE;
    public static final int N_DELETE_RSP = N_DELETE_RQ | RESPONSE;

    private CommandField() {
    }

    public static boolean isResponse(int commandField) {
        return (commandField & RESPONSE) != 0;
    }

    /** True for the DIMSE-N services, whose requests name their SOP instance. */
    public static boolean isNService(int commandField) {
        int rq = commandField & ~RESPONSE;
        return rq >= N_EVENT_REPORT_RQ && rq <= N_DELETE_RQ;
    }

    public static String name(int commandField) {
        String base = switch (commandField & ~RESPONSE) {
            case C_STORE_RQ -> "C-STORE";
            case C_GET_RQ -> "C-GET";
            case C_FIND_RQ -> "C-FIND";
            case C_MOVE_RQ -> "C-MOVE";
            case C_ECHO_RQ -> "C-ECHO";
            case N_EVENT_REPORT_RQ -> "N-EVENT-REPORT";
            case N_GET_RQ -> "N-GET";
            case N_SET_RQ -> "N-SET";
            case N_ACTION_RQ -> "N-ACTION";
            case N_CREATE_RQ -> "N-CREATE";
            case N_DELETE_RQ -> "N-DELETE";
            case C_CANCEL_RQ -> "C-CANCEL";
            default -> String.format("command 0x%04X", commandField & ~RESPONSE);
        };
        return base + (isResponse(commandField) ? "-RSP" : "-RQ");
    }
}
