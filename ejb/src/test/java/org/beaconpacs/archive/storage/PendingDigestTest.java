package org.beaconpacs.archive.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A digest that fails reaches the index as an UncheckedIOException: the store maps that, as it maps a
 * file it could not place, to 0xA700 with the transaction rolled back and the placed file removed.
 */
@Timeout(30)
class PendingDigestTest {

    /** Runs each task on a new thread, remembered, so that a test can interrupt it. */
    private final AtomicReference<Thread> digestThread = new AtomicReference<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final Executor threads = task -> {
        Thread t = new Thread(() -> {
            started.countDown();
            task.run();
        }, "digest");
        digestThread.set(t);
        t.start();
    };

    /** Fills one whole chunk, which starts the digest thread. */
    private static void addOneChunk(ChunkDigest chunks) throws Exception {
        ChunkDigest.Chunk c = chunks.next();
        Arrays.fill(c.bytes(), c.offset(), c.offset() + c.capacity(), (byte) 7);
        chunks.add(c, c.capacity());
    }

    @Test
    void aDigestThreadInterruptedBeforeTheEndFailsTheDigestUnchecked() throws Exception {
        byte[][] buffers = {new byte[1024]};
        ChunkDigest chunks = ChunkDigest.alongside(MessageDigest.getInstance("SHA-256"), threads, buffers);
        try (PendingDigest pending = new PendingDigest(chunks, buffers)) {
            addOneChunk(chunks);
            assertTrue(started.await(10, TimeUnit.SECONDS), "the digest thread started");
            digestThread.get().interrupt(); // it waits for the next chunk, which never comes
            digestThread.get().join(10_000);

            UncheckedIOException e = assertThrows(UncheckedIOException.class, pending::get);
            assertEquals("the digest of the received data set failed", e.getMessage());
        }
    }

    @Test
    void anUninterruptedDigestThreadGivesTheDigestOfWhatWasAdded() throws Exception {
        byte[][] buffers = {new byte[1024]};
        ChunkDigest chunks = ChunkDigest.alongside(MessageDigest.getInstance("SHA-256"), threads, buffers);
        try (PendingDigest pending = new PendingDigest(chunks, buffers)) {
            addOneChunk(chunks);
            chunks.finish();

            byte[] expected = new byte[512];
            Arrays.fill(expected, (byte) 7);
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected)),
                    pending.get());
        }
    }
}
