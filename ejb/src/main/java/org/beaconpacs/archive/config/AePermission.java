package org.beaconpacs.archive.config;

/**
 * What a configured remote AE may do, one flag of its configuration each. A service that needs one names
 * it; a configured AE without it is refused (PS3.7 C.5.x "Refused: Not Authorized", or no presentation
 * context for the service), an AE that is not configured keeps the defaults of the calling-AE policy.
 */
public enum AePermission {
    STORE("mayStore"),
    QUERY("mayQuery"),
    RETRIEVE("mayRetrieve"),
    /** May receive the C-STORE sub-operations of a C-MOVE (the move destination, not the requestor). */
    MOVE_DESTINATION("moveDestination"),
    PRINT("mayPrint"),
    COMMIT("mayCommit");

    private final String flag;

    AePermission(String flag) {
        this.flag = flag;
    }

    /** The flag's name as the REST API, the console and error comments show it. */
    public String flag() {
        return flag;
    }

    /** True when {@code ae} has this flag set. */
    public boolean grantedTo(AeDto ae) {
        Boolean granted = switch (this) {
            case STORE -> ae.mayStore();
            case QUERY -> ae.mayQuery();
            case RETRIEVE -> ae.mayRetrieve();
            case MOVE_DESTINATION -> ae.moveDestination();
            case PRINT -> ae.mayPrint();
            case COMMIT -> ae.mayCommit();
        };
        return Boolean.TRUE.equals(granted);
    }
}
