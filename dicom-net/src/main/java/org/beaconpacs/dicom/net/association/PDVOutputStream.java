package org.beaconpacs.dicom.net.association;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Writes a command or data set as P-DATA-TF PDUs of one PDV each, up to the peer's maximum length
 * (PS3.8 9.3.5, D.1). Headers are written in front of each fragment in the same buffer, and where the
 * peer's PDUs are small (DCMTK's default is 16 KiB) several PDUs share the buffer and leave in one write:
 * a 512 KiB image goes in five writes instead of thirty-two. The buffer is the caller's, reused from
 * message to message: it starts small (a C-FIND answer needs a few hundred bytes) and grows only for data
 * sets that fill it. The caller flushes the socket after the message.
 */
final class PDVOutputStream extends OutputStream {

    /** A buffer of this size holds most commands and identifiers whole. */
    static final int INITIAL_BUFFER = 4096;
    private static final int HEADERS = 12; // PDU header (6) + PDV item length, context ID, control header (6)
    /** Up to this many bytes of consecutive PDUs leave in one write. */
    private static final int WRITE_SIZE = 128 * 1024;

    private final OutputStream socket;
    /** The socket as a channel, for file data; null: streams only. */
    private final DirectSend direct;
    private final int presentationContextId;
    private final int controlBase;
    private final int maxFragment;
    private final int maxBuffer;
    private byte[] buf;
    /** Where the header of the PDU being filled starts, and where its next byte goes. */
    private int start;
    private int count = HEADERS;
    private long total;
    private boolean closed;

    /**
     * @param command true for a command set (control header bit 0), false for a data set
     * @param maxFragment largest fragment: the peer's maximum PDU length less the PDV header
     * @param buffer a buffer to start with (its content is overwritten), see {@link #buffer()}
     */
    PDVOutputStream(OutputStream socket, int presentationContextId, boolean command, int maxFragment,
                    byte[] buffer) {
        this(socket, null, presentationContextId, command, maxFragment, buffer);
    }

    /** With {@code direct}, the socket's channel (or null), for {@link #transferFrom(FileChannel, long)}. */
    PDVOutputStream(OutputStream socket, DirectSend direct, int presentationContextId, boolean command,
                    int maxFragment, byte[] buffer) {
        this.socket = socket;
        this.direct = direct;
        this.presentationContextId = presentationContextId;
        this.controlBase = command ? 1 : 0;
        this.maxFragment = maxFragment;
        int pdu = HEADERS + maxFragment;
        this.maxBuffer = pdu * Math.max(1, WRITE_SIZE / pdu);
        this.buf = buffer.length > maxBuffer ? new byte[maxBuffer] : buffer;
    }

    /** The buffer as it is now (grown, perhaps), for the next message. */
    byte[] buffer() {
        return buf;
    }

    /** Bytes the PDU being filled can take now, after making room: ends it if full, grows a small buffer. */
    private int room() throws IOException {
        if (count - start - HEADERS == maxFragment) {
            endPdu(false);
        }
        if (count == buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(maxBuffer, 2L * buf.length));
        }
        return Math.min(maxFragment - (count - start - HEADERS), buf.length - count);
    }

    @Override
    public void write(int b) throws IOException {
        room();
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, room());
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
        if (buf.length < maxBuffer) {
            buf = Arrays.copyOf(buf, maxBuffer); // a stream is long: full-size writes from the start
        }
        long n = 0;
        while (true) {
            int room = room(); // first: it may write the buffer out or replace it
            int r = in.read(buf, count, room);
            if (r < 0) {
                return n;
            }
            count += r;
            n += r;
        }
    }

    /**
     * Sends {@code file} from {@code position} to its end as the whole of this stream, and closes it. Where
     * the socket is a channel the PDUs are laid out as in {@link #transferFrom(InputStream)}, but in the
     * association's direct buffer, each fragment read from the file into its place behind its header: no
     * copy in the JVM. Otherwise, or when something was written before, as a stream.
     */
    long transferFrom(FileChannel file, long position) throws IOException {
        long length = file.size() - position;
        if (direct == null || closed || start != 0 || count != HEADERS || length <= 0) {
            file.position(position);
            return transferFrom(Channels.newInputStream(file));
        }
        socket.flush(); // the command, still in the association's buffer, goes first
        ByteBuffer b = direct.buffer(maxBuffer);
        boolean pad = (length & 1) != 0; // see close(): fragments must be even
        long left = length;
        long at = position;
        long fragmentLeft = 0;
        while (left > 0) {
            if (fragmentLeft == 0) {
                if (b.remaining() < HEADERS + 2) {
                    direct.drain(b);
                }
                int fragment = (int) Math.min(maxFragment, left);
                if (fragment == left && pad && fragment == maxFragment) {
                    fragment--; // no room for the pad byte: it goes with the last byte in one more PDU
                }
                boolean last = fragment == left;
                header(b, fragment + (last && pad ? 1 : 0), last);
                fragmentLeft = fragment;
            }
            if (!b.hasRemaining()) {
                direct.drain(b);
            }
            int n = (int) Math.min(fragmentLeft, b.remaining());
            int limit = b.limit();
            b.limit(b.position() + n);
            while (b.hasRemaining()) {
                int r = file.read(b, at);
                if (r < 0) {
                    throw new EOFException("the file ended " + (left - (n - b.remaining())) + " bytes early");
                }
                at += r;
            }
            b.limit(limit);
            fragmentLeft -= n;
            left -= n;
        }
        if (pad) {
            if (!b.hasRemaining()) {
                direct.drain(b);
            }
            b.put((byte) 0);
        }
        direct.drain(b);
        total = length + (pad ? 1 : 0);
        closed = true;
        return length;
    }

    /** Completes the header of the PDU being filled; writes the buffer if it is the last or none fits after. */
    private void endPdu(boolean last) throws IOException {
        int fragment = count - start - HEADERS;
        total += fragment;
        header(ByteBuffer.wrap(buf, start, HEADERS), fragment, last);
        if (last || count + HEADERS + maxFragment > maxBuffer) {
            socket.write(buf, 0, count);
            start = 0;
        } else {
            start = count;
            if (start + HEADERS > buf.length) {
                buf = Arrays.copyOf(buf, Math.min(maxBuffer, Math.max(2 * buf.length, start + HEADERS)));
            }
        }
        count = start + HEADERS;
    }

    /**
     * The P-DATA-TF PDU header and PDV item header of a fragment of {@code fragment} bytes (PS3.8 9.3.1,
     * 9.3.5), put at {@code b}'s position.
     */
    private void header(ByteBuffer b, int fragment, boolean last) {
        b.put((byte) 0x04).put((byte) 0).putInt(fragment + 6).putInt(fragment + 2)
                .put((byte) presentationContextId).put((byte) (controlBase | (last ? 2 : 0)));
    }

    /**
     * Writes the last fragment (possibly empty) with the last-fragment bit set. Neither flushes nor closes
     * the socket.
     */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            if (((total + count - start - HEADERS) & 1) != 0) {
                // fragments must be even (DCMTK refuses odd ones); an odd data set can only be a deflated
                // stream that its writer did not pad as PS3.5 A.5 asks: add the NUL it should have had
                write(0);
            }
            endPdu(true);
        }
    }
}
