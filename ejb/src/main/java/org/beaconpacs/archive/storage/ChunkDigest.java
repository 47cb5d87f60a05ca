package org.beaconpacs.archive.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The digest of a data set as it is received, chunk by chunk, into buffers this class hands out. Inline,
 * the receiving thread digests each chunk itself. Alongside, a second thread digests a chunk while the
 * receiving thread writes it and reads the next: on one association the digest (about 0.5 ms for a
 * 512 KiB CT here, as long as the rest of the reception) otherwise lies between the sender's last byte
 * and our response. Alongside pays only with a core to spare (the caller decides) and for a data set
 * larger than a chunk (decided here: a smaller one is digested inline, no thread woken for it).
 *
 * <p>Use: {@link #next()} a chunk, fill it, {@link #add} it, write it (the digest thread only reads it
 * too), and so on; {@link #finish()} at the data set's end; {@link #digest()} when it is needed (the
 * store does other work meanwhile). {@link #close()} always.
 */
abstract sealed class ChunkDigest implements AutoCloseable {

    /** Part of a buffer to fill: {@code bytes[offset, offset + capacity)}. */
    record Chunk(byte[] bytes, int offset, int capacity) {
    }

    abstract Chunk next() throws IOException;

    abstract void add(Chunk chunk, int length);

    /** Nothing more comes: the digest thread finishes on its own, while the caller goes on. */
    abstract void finish();

    /** The digest of everything added; waits for the digest thread, if it is still at work. */
    abstract byte[] digest() throws IOException;

    /** Whether no thread reads the buffers any more: they may be used again. */
    abstract boolean released();

    @Override
    public abstract void close();

    static ChunkDigest inline(MessageDigest digest, byte[] buffer) {
        return new Inline(digest, buffer);
    }

    /** Digests on a thread of {@code threads}; its chunks are the halves of {@code buffers}. */
    static ChunkDigest alongside(MessageDigest digest, Executor threads, byte[]... buffers) {
        return new Alongside(digest, threads, buffers);
    }

    private static final class Inline extends ChunkDigest {
        private final MessageDigest digest;
        private final Chunk whole;

        Inline(MessageDigest digest, byte[] buffer) {
            this.digest = digest;
            this.whole = new Chunk(buffer, 0, buffer.length);
        }

        @Override
        Chunk next() {
            return whole;
        }

        @Override
        void add(Chunk chunk, int length) {
            digest.update(chunk.bytes(), chunk.offset(), length);
        }

        @Override
        void finish() {
        }

        @Override
        byte[] digest() {
            return digest.digest();
        }

        @Override
        boolean released() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private static final class Alongside extends ChunkDigest {
        /** Tells the digest thread that nothing more comes: finish, or give up. */
        private static final Chunk END = new Chunk(new byte[0], 0, 0);
        private static final Chunk CANCEL = new Chunk(new byte[0], 0, 0);

        private record Filled(Chunk chunk, int length) {
        }

        private final MessageDigest digest;
        private final Executor threads;
        private final BlockingQueue<Filled> filled;
        private final BlockingQueue<Chunk> free;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        /** Whether the digest thread runs: from the first full chunk on; a smaller object is digested here. */
        private boolean started;
        /** The threads took no more work (the server is stopping): digested here throughout. */
        private boolean refused;
        /** END is on its way to the digest thread (sent once, by finish() or by digest()). */
        private boolean finished;

        Alongside(MessageDigest digest, Executor threads, byte[]... buffers) {
            this.digest = digest;
            this.threads = threads;
            filled = new ArrayBlockingQueue<>(2 * buffers.length + 2); // every chunk, END and CANCEL
            free = new ArrayBlockingQueue<>(2 * buffers.length);
            for (byte[] b : buffers) {
                // halves: the chunk being digested at the end is short, and so is the wait for it
                free.add(new Chunk(b, 0, b.length / 2));
                free.add(new Chunk(b, b.length / 2, b.length - b.length / 2));
            }
        }

        private void digestChunks() {
            try {
                for (Filled f; (f = filled.take()).chunk() != CANCEL; ) {
                    if (f.chunk() == END) {
                        result.complete(digest.digest());
                        return;
                    }
                    digest.update(f.chunk().bytes(), f.chunk().offset(), f.length());
                    free.add(f.chunk());
                }
                result.cancel(false);
            } catch (InterruptedException e) {
                result.completeExceptionally(e);
                Thread.currentThread().interrupt();
            }
        }

        @Override
        Chunk next() throws IOException {
            try {
                return free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while receiving");
            }
        }

        @Override
        void add(Chunk chunk, int length) {
            // a data set within its first chunk needs no thread woken for it; nor can one start at shutdown
            if (!started && (length < chunk.capacity() || !start())) {
                digest.update(chunk.bytes(), chunk.offset(), length);
                free.add(chunk); // the caller writes it before it asks for the next one
                return;
            }
            filled.add(new Filled(chunk, length));
        }

        private boolean start() {
            if (!refused) {
                try {
                    threads.execute(this::digestChunks);
                    started = true;
                } catch (RejectedExecutionException e) {
                    refused = true;
                }
            }
            return started;
        }

        @Override
        void finish() {
            if (started && !finished) {
                finished = true;
                filled.add(new Filled(END, 0));
            }
        }

        @Override
        byte[] digest() throws IOException {
            if (!started) {
                return digest.digest();
            }
            finish();
            try {
                return result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while receiving");
            } catch (ExecutionException e) {
                throw new IOException("the digest failed", e.getCause());
            }
        }

        @Override
        boolean released() {
            return !started || result.isDone();
        }

        /** Without a digest asked for, the thread gives up; it may still read a chunk, never write one. */
        @Override
        public void close() {
            if (started && !result.isDone()) {
                filled.offer(new Filled(CANCEL, 0));
            }
        }
    }
}
