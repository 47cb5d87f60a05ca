package org.beaconpacs.dicom.io;

import java.io.IOException;
import java.nio.file.Path;
import org.beaconpacs.dicom.data.Attributes;

/**
 * A Part 10 file as read: its File Meta Information (null for a bare data set), its data set and the
 * transfer syntax the data set was encoded in.
 */
public record DicomFile(Attributes fileMetaInformation, Attributes dataset, TransferSyntax transferSyntax) {

    /** Reads a whole file into memory. */
    public static DicomFile read(Path path) throws IOException {
        try (DicomReader reader = DicomReader.open(path)) {
            return reader.readFile();
        }
    }
}
