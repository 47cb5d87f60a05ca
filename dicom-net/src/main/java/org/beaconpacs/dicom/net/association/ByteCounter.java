package org.beaconpacs.dicom.net.association;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Counts the bytes that cross a connection each way, for the association's activity record. */
final class ByteCounter {

    private final InputStream in;
    private final OutputStream out;
    private volatile long received;
    private volatile long sent;

    ByteCounter(InputStream socketIn, OutputStream socketOut) {
        this.in = new FilterInputStream(socketIn) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    received++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    received += n; // one reader thread per association
                }
                return n;
            }
        };
        this.out = new FilterOutputStream(socketOut) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                sent++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len); // FilterOutputStream would write byte by byte
                sent += len; // writers hold the association's send lock
            }
        };
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    long received() {
        return received;
    }

    long sent() {
        return sent;
    }

    /** Counts bytes written to the socket's channel, past the stream (see DirectSend). */
    void sent(long n) {
        sent += n; // writers hold the association's send lock
    }
}
