package org.beaconpacs.archive.config;

import jakarta.ejb.ApplicationException;

/** An application entity was changed by someone else since the version the change was made from. */
@ApplicationException(rollback = true)
public class AeChangedMeanwhileException extends RuntimeException {

    public AeChangedMeanwhileException(String aeTitle) {
        super("\"" + aeTitle + "\" was changed by someone else meanwhile");
    }
}
