package org.beaconpacs.archive.remote;

/** A remote archive could not be reached or refused the request: the reason, in words. */
public class RemoteArchiveException extends RuntimeException {

    public RemoteArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
