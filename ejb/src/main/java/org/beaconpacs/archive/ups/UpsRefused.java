package org.beaconpacs.archive.ups;

import jakarta.ejb.ApplicationException;

/** A UPS request the rules of PS3.4 Annex CC refuse: its status and why. Nothing is changed. */
@ApplicationException(rollback = true)
public class UpsRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;

    public UpsRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
