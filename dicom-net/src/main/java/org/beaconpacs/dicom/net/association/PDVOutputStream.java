package org.beaconpacs.dicom.net.association;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Writes a command or data set as P-DATA-TF PDUs of one PDV each, sized to the peer's maximum length
 * (PS3.8 9.3.5, D.1). Headers are written in front of the fragment in the same buffer, so each PDU
 * leaves in a single write.
 */
final class PDVOutputStream extends OutputStream {

    private static final int HEADERS = 12; // PDU header (6) + PDV item length, context ID, control header (6)

    private final OutputStream socket;
    private final int presentationContextId;
    private final int controlBase;
    private final byte[] buf;
    private int count = HEADERS;
    private long total;
    private boolean closed;

    /**
     * @param command true for a command set (control header bit 0), false for a data set
     * @param maxFragment largest fragment: the peer's maximum PDU length less the PDV header
     */
    PDVOutputStream(OutputStream socket, int presentationContextId, boolean command, int maxFragment) {
        this.socket = socket;
        this.presentationContextId = presentationContextId;
        this.controlBase = command ? 1 : 0;
        this.buf = new byte[HEADERS + maxFragment];
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buf.length) {
            sendFragment(false);
        }
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (count == buf.length) {
                sendFragment(false);
            }
            int n = Math.min(len, buf.length - count);
            System.arraycopy(b, off, buf, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    /**
     * Reads {@code in} to its end straight into the PDU buffer behind the headers, so that bytes from a
     * file reach the socket with one copy in user space (the read), none between read and write.
     */
    long transferFrom(InputStream in) throws IOException {
        long n = 0;
        while (true) {
            if (count == buf.length) {
                sendFragment(false);
            }
            int r = in.read(buf, count, buf.length - count);
            if (r < 0) {
                return n;
            }
            count += r;
            n += r;
        }
    }

    private void sendFragment(boolean last) throws IOException {
        int fragment = count - HEADERS;
        total += fragment;
        int pduLength = fragment + 6;
        buf[0] = 0x04;
        buf[1] = 0;
        putInt(2, pduLength);
        putInt(6, fragment + 2);
        buf[10] = (byte) presentationContextId;
        buf[11] = (byte) (controlBase | (last ? 2 : 0));
        socket.write(buf, 0, count);
        count = HEADERS;
    }

    private void putInt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    /** Sends the last fragment (possibly empty) with the last-fragment bit set. Does not close the socket. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            if (((total + count - HEADERS) & 1) != 0) {
                // fragments must be even (DCMTK refuses odd ones); an odd data set can only be a deflated
                // stream that its writer did not pad as PS3.5 A.5 asks: add the NUL it should have had
                write(0);
            }
            sendFragment(true);
            socket.flush();
        }
    }
}
