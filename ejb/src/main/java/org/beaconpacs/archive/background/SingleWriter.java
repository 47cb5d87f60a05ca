package org.beaconpacs.archive.background;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Writes what producers queue, off their threads: {@link #start} runs {@code flush} as one task of the managed
 * executor, never two at once, and again while {@code pending} says something was queued after the last
 * batch was taken. Once the executor stops with the server, the producer's thread writes.
 */
public final class SingleWriter {

    private final AtomicBoolean writing = new AtomicBoolean();
    private final Executor executor;
    private final Runnable flush;
    private final BooleanSupplier pending;

    public SingleWriter(Executor executor, Runnable flush, BooleanSupplier pending) {
        this.executor = executor;
        this.flush = flush;
        this.pending = pending;
    }

    /** Something was queued: write it soon. */
    public void start() {
        if (writing.compareAndSet(false, true)) {
            try {
                executor.execute(this::write);
            } catch (RejectedExecutionException stopping) {
                writing.set(false);
                flush.run(); // the executor stops with the server: write on this thread
            }
        }
    }

    private void write() {
        try {
            flush.run();
        } finally {
            writing.set(false);
        }
        if (pending.getAsBoolean()) {
            start(); // queued after the last batch was taken
        }
    }
}
