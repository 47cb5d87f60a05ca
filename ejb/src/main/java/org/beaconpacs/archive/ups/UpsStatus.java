package org.beaconpacs.archive.ups;

/** The UPS statuses of PS3.4 Tables CC.2.1-2, CC.2.2-2, CC.2.3-3, CC.2.5-4 and CC.2.6-1. */
public final class UpsStatus {

    public static final int ALREADY_CANCELED = 0xB304;
    public static final int ALREADY_COMPLETED = 0xB306;
    public static final int NO_LONGER_UPDATABLE = 0xC300;
    public static final int WRONG_TRANSACTION_UID = 0xC301;
    public static final int ALREADY_IN_PROGRESS = 0xC302;
    public static final int ONLY_SCHEDULED_BY_CREATE = 0xC303;
    public static final int FINAL_STATE_NOT_MET = 0xC304;
    public static final int NO_SUCH_UPS = 0xC307;
    public static final int NOT_SCHEDULED_ON_CREATE = 0xC309;
    public static final int NOT_IN_PROGRESS = 0xC310;
    public static final int CANCEL_ALREADY_COMPLETED = 0xC311;
    public static final int PERFORMER_NOT_CONTACTED = 0xC312;
    /** Not of Annex CC: a UPS with this SOP Instance UID exists (PS3.7 Duplicate SOP Instance). */
    public static final int DUPLICATE = 0x0111;

    private UpsStatus() {
    }
}
