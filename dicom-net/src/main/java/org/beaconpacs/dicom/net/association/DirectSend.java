package org.beaconpacs.dicom.net.association;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The socket of a plain TCP association seen as a channel, with a direct buffer of the association's own
 * (used under its send lock): bytes of a file go from the page cache into this buffer and from it into
 * the socket, one copy each way in the kernel and none in the JVM (a heap array costs a copy into a
 * temporary direct buffer on the read and another on the write). TLS sockets have no channel, and stream.
 */
final class DirectSend {

    /** The buffer's largest size: PDUs of a larger peer limit fill it more than once. */
    static final int MAX_BUFFER = 256 * 1024;

    private final SocketChannel channel;
    private final ByteCounter counter;
    private ByteBuffer buffer;

    private DirectSend(SocketChannel channel, ByteCounter counter) {
        this.channel = channel;
        this.counter = counter;
    }

    /** For a socket that is a channel's (accepted or opened through NIO, blocking), else null. */
    static DirectSend of(java.net.Socket socket, ByteCounter counter) {
        return of(socket.getChannel(), counter);
    }

    static DirectSend of(SocketChannel ch, ByteCounter counter) {
        return ch != null && ch.isBlocking() ? new DirectSend(ch, counter) : null;
    }

    /** The association's direct buffer, cleared, of at least {@code size} bytes up to {@link #MAX_BUFFER}. */
    ByteBuffer buffer(int size) {
        int wanted = Math.min(MAX_BUFFER, size);
        if (buffer == null || buffer.capacity() < wanted) {
            buffer = ByteBuffer.allocateDirect(wanted);
        }
        return buffer.clear();
    }

    /** Writes what {@code b} holds between 0 and its position, then clears it. */
    void drain(ByteBuffer b) throws IOException {
        b.flip();
        long n = b.remaining();
        while (b.hasRemaining()) {
            channel.write(b);
        }
        counter.sent(n);
        b.clear();
    }
}
