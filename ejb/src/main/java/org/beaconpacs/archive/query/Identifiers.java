package org.beaconpacs.archive.query;

import java.io.IOException;
import java.io.InputStream;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.TransferSyntax;

/** Reads the identifier of a C-FIND, C-MOVE or C-GET request, in its context's transfer syntax. */
public final class Identifiers {

    private Identifiers() {
    }

    /** The identifier, or null if the request has none. */
    public static Attributes read(InputStream data, String transferSyntax) throws IOException {
        if (data == null) {
            return null;
        }
        try (DicomReader reader = new DicomReader(data)) {
            return reader.readDataset(TransferSyntax.of(transferSyntax));
        }
    }
}
