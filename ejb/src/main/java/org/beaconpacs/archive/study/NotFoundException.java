package org.beaconpacs.archive.study;

import jakarta.ejb.ApplicationException;

/** No such study or series in the index, or no such storage commitment transaction. */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String uid) {
        super("no " + what + " " + uid);
    }
}
