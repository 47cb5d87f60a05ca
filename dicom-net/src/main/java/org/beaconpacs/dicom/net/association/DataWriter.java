package org.beaconpacs.dicom.net.association;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Writes a message's data set, encoded in the context's transfer syntax, to the P-DATA stream. */
@FunctionalInterface
public interface DataWriter {
    void writeTo(OutputStream out, String transferSyntax) throws IOException;

    /**
     * Streams {@code in}, an already encoded data set, to {@code out}. Into a P-DATA stream the bytes are
     * read straight into the PDU buffer: one copy between the file and the socket.
     */
    static long copy(InputStream in, OutputStream out) throws IOException {
        if (out instanceof PDVOutputStream pdv) {
            return pdv.transferFrom(in);
        }
        return in.transferTo(out);
    }
}
