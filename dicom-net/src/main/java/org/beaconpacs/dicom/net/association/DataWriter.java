package org.beaconpacs.dicom.net.association;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.TransferSyntax;

/** Writes a message's data set, encoded in the context's transfer syntax, to the P-DATA stream. */
@FunctionalInterface
public interface DataWriter {
    void writeTo(OutputStream out, String transferSyntax) throws IOException;

    /** Writes {@code data} in the context's transfer syntax (a small data set: an identifier, attributes). */
    static DataWriter of(Attributes data) {
        return (out, ts) -> {
            // the P-DATA stream buffers: a small buffer here, not a 64 KiB one for each answer of a C-FIND
            DicomWriter w = new DicomWriter(out, 1024);
            w.writeDataset(data, TransferSyntax.of(ts));
            w.flush();
        };
    }

    /**
     * Streams the part of {@code file} from {@code position} to its end, an already encoded data set, to
     * {@code out}; into the P-DATA stream of a plain TCP association with no copy in the JVM.
     */
    static long copy(FileChannel file, long position, OutputStream out) throws IOException {
        if (out instanceof PDVOutputStream pdv) {
            return pdv.transferFrom(file, position);
        }
        file.position(position);
        return Channels.newInputStream(file).transferTo(out);
    }

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
