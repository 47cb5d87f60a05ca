package org.beaconpacs.archive.query;

/**
 * How a query ended and how many matches were handed out.
 *
 * @param limit the maximum number of matches that applied
 */
public record FindResult(Ending ending, int matches, int limit) {

    public enum Ending {
        /** Every match was handed out. */
        COMPLETE,
        /** The requestor stopped it (C-CANCEL, a closed connection). */
        CANCELLED,
        /** There were more matches than the limit; the first {@code limit} were handed out. */
        LIMIT_REACHED
    }
}
