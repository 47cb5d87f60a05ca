package org.beaconpacs.archive.storage;

/**
 * Who hands an object to the store and how.
 *
 * @param source how it arrived
 * @param sender the calling AE title, or the user (STOW-RS, console); null for the recovery
 * @param receiver the called (local) AE title, or null
 * @param association the DIMSE association's serial number, or null when it came some other way
 */
public record StoreContext(Source source, String sender, String receiver, Long association) {

    /** How an object reaches the store. */
    public enum Source {
        /** A C-STORE request. */
        DIMSE,
        /** A part of a STOW-RS request. */
        STOW,
        /** A film printed to the archive. */
        PRINT,
        /** A stored file the index lost, indexed again at start (its place already is its final one). */
        RECOVERY
    }

    public static StoreContext dimse(String callingAe, String calledAe, long association) {
        return new StoreContext(Source.DIMSE, callingAe, calledAe, association);
    }
}
