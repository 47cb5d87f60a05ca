package org.beaconpacs.archive.print;

/** The status codes of PS3.4 H.4 that Print Management adds to those of PS3.7. */
public final class PrintStatus {

    /** Warning: Memory allocation not supported. */
    public static final int MEMORY_ALLOCATION_NOT_SUPPORTED = 0xB600;
    /** Warning: Film Session SOP Instance hierarchy does not contain Image Box SOP Instances (empty page). */
    public static final int EMPTY_SESSION = 0xB602;
    /** Warning: Film Box SOP Instance hierarchy does not contain Image Box SOP Instances (empty page). */
    public static final int EMPTY_FILM_BOX = 0xB603;
    /** Warning: Image size is larger than image box size, the image has been demagnified. */
    public static final int DEMAGNIFIED = 0xB604;
    /** Warning: Requested Min Density or Max Density outside of printer's operating range. */
    public static final int DENSITY_OUT_OF_RANGE = 0xB605;
    /** Warning: Image size is larger than the Image Box size; the image has been cropped to fit. */
    public static final int CROPPED = 0xB609;
    /** Failure: Film Session SOP Instance hierarchy does not contain Film Box SOP Instances. */
    public static final int NO_FILM_BOX = 0xC600;
    /** Failure: Unable to create Print Job SOP Instance; print queue is full (film session). */
    public static final int SESSION_QUEUE_FULL = 0xC601;
    /** Failure: Unable to create Print Job SOP Instance; print queue is full (film box). */
    public static final int FILM_BOX_QUEUE_FULL = 0xC602;
    /** Failure: Image size is larger than image box size. */
    public static final int IMAGE_TOO_LARGE = 0xC603;
    /** Failure: Insufficient memory in printer to store the image. */
    public static final int INSUFFICIENT_MEMORY = 0xC605;

    private PrintStatus() {
    }
}
