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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    private final byte[][] buffers = {new byte[1024]};
    private ChunkDigest chunks;
    private PendingDigest pending;
    /** The bytes added, all 7s: one whole chunk, which starts the digest thread. */
    private int added;

    @BeforeEach
    void oneChunkAdded() throws Exception {
        chunks = ChunkDigest.alongside(MessageDigest.getInstance("SHA-256"), threads, buffers);
        pending = new PendingDigest(chunks, buffers);
        ChunkDigest.Chunk c = chunks.next();
        Arrays.fill(c.bytes(), c.offset(), c.offset() + c.capacity(), (byte) 7);
        chunks.add(c, c.capacity());
        added = c.capacity();
    }

    @AfterEach
    void close() {
        pending.close();
    }

    @Test
    void aDigestThreadInterruptedBeforeTheEndFailsTheDigestUnchecked() throws Exception {
        assertTrue(started.await(10, TimeUnit.SECONDS), "the digest thread started");
        digestThread.get().interrupt(); // it waits for the next chunk, which never comes
        digestThread.get().join(10_000);

        UncheckedIOException e = assertThrows(UncheckedIOException.class, pending::get);
        assertEquals("the digest of the received data set failed", e.getMessage());
    }

    @Test
    void anUninterruptedDigestThreadGivesTheDigestOfWhatWasAdded() throws Exception {
        chunks.finish();

        byte[] expected = new byte[added];
        Arrays.fill(expected, (byte) 7);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected)),
                pending.get());
    }
}
