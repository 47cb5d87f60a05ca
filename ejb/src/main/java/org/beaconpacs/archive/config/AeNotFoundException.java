package org.beaconpacs.archive.config;

import jakarta.ejb.ApplicationException;

/** No application entity has this AE title. */
@ApplicationException(rollback = true)
public class AeNotFoundException extends RuntimeException {

    public AeNotFoundException(String aeTitle) {
        super("no application entity \"" + aeTitle + "\"");
    }
}
