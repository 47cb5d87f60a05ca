package org.beaconpacs.archive.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The digest of a received data set, which a digest thread may still be finishing when the reception
 * returns: the store parses the file, takes its study's lock and begins the index transaction meanwhile,
 * and asks for the digest only where the index records it. Closed after the store, asked or not: that
 * gives the buffers back, or, not asked, has the digest thread give up.
 */
final class PendingDigest implements Supplier<String>, AutoCloseable {

    private final ChunkDigest chunks;
    private final byte[][] buffers;
    private String value;
    private boolean closed;

    PendingDigest(ChunkDigest chunks, byte[][] buffers) {
        this.chunks = chunks;
        this.buffers = buffers;
    }

    /** The digest in hex, waiting for the digest thread if it is not done. */
    @Override
    public String get() {
        if (value == null) {
            if (closed) {
                throw new IllegalStateException("the digest was given up");
            }
            try {
                value = HexFormat.of().formatHex(chunks.digest());
            } catch (IOException e) {
                throw new UncheckedIOException("the digest of the received data set failed", e);
            }
        }
        return value;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        chunks.close();
        if (chunks.released()) { // else a given-up digest may still read them: left to the collector
            ObjectReceiver.giveBack(buffers);
        }
    }
}
