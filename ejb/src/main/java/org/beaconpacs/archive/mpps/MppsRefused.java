package org.beaconpacs.archive.mpps;

/**
 * Why an N-CREATE or N-SET of a Performed Procedure Step is refused: the status of PS3.4 F.7.2 / PS3.7 10.1
 * to answer, the attributes it is about and, where the standard gives one, the Error ID.
 */
@jakarta.ejb.ApplicationException(rollback = true)
public class MppsRefused extends Exception {

    private final int status;
    private final int[] tags;
    private final Integer errorId;

    MppsRefused(int status, String message, Integer errorId, int... tags) {
        super(message);
        this.status = status;
        this.errorId = errorId;
        this.tags = tags.clone();
    }

    public int status() {
        return status;
    }

    public int[] tags() {
        return tags.clone();
    }

    public Integer errorId() {
        return errorId;
    }
}
