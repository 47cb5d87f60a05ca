package org.beaconpacs.dicom.net.association;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a message's data set, encoded in the context's transfer syntax, to the P-DATA stream. */
@FunctionalInterface
public interface DataWriter {
    void writeTo(OutputStream out, String transferSyntax) throws IOException;
}
