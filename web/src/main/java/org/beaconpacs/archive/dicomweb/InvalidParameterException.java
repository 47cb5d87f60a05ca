package org.beaconpacs.archive.dicomweb;

/** A DICOMweb query parameter that cannot be used: 400 with its reason. */
public class InvalidParameterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidParameterException(String message) {
        super(message);
    }
}
