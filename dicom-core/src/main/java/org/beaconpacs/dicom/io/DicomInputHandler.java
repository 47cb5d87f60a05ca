package org.beaconpacs.dicom.io;

import java.io.IOException;
import org.beaconpacs.dicom.data.Attributes;

/**
 * Decides what happens to each element a {@link DicomReader} meets. It is called after the element's
 * header is read ({@link DicomReader#tag()}, {@link DicomReader#vr()}, {@link DicomReader#length()},
 * {@link DicomReader#level()}); it must consume the value by one of {@link DicomReader#readValue},
 * {@link DicomReader#skipValue} or {@link DicomReader#copyValue}, or return false to stop reading with
 * the value still unread (so the caller can stream it, e.g. Pixel Data to a file).
 */
@FunctionalInterface
public interface DicomInputHandler {

    /** The handler that reads every value into the data set. */
    DicomInputHandler READ_ALL = (reader, attrs) -> {
        reader.readValue(attrs);
        return true;
    };

    /** @return false to stop reading before this element's value */
    boolean element(DicomReader reader, Attributes attrs) throws IOException;
}
