package org.beaconpacs.archive.rar.api;

import jakarta.ejb.ApplicationException;

/**
 * What the endpoint throws for a request its services can no longer answer because they are stopping (an
 * undeploy): the adapter then aborts the association instead of answering with a failure, so that the
 * sender sends the request again once the archive is back. An application exception: it passes through the
 * container as it is, not logged as a failure of the endpoint.
 */
@ApplicationException
public class ServicesUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServicesUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when {@code t} or one of its causes is this exception. */
    public static boolean isCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ServicesUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
