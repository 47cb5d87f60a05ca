package org.beaconpacs.dicom.io;

import java.io.IOException;
import org.beaconpacs.dicom.data.Tags;

/**
 * Input that is not valid DICOM, or that breaks a configured limit: what was wrong, where (byte offset
 * in the stream, inflated offset for deflated data sets) and in which element.
 */
public class DicomParseException extends IOException {

    private final long offset;
    private final int tag;

    public DicomParseException(String message, long offset, int tag) {
        this(message, offset, tag, null);
    }

    public DicomParseException(String message, long offset, int tag, Throwable cause) {
        super(message + " at offset " + offset + (tag == -1 ? "" : " in " + Tags.toString(tag)), cause);
        this.offset = offset;
        this.tag = tag;
    }

    /** Byte offset in the stream where the problem was found. */
    public long offset() {
        return offset;
    }

    /** The tag of the element being read, or -1 if none. */
    public int tag() {
        return tag;
    }
}
