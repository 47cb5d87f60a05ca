package org.beaconpacs.archive.rar;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Timer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A container's WorkManager stand-in for tests outside the server: every Work on a pool thread. */
final class ThreadWorkManager implements WorkManager, BootstrapContext {

    final ExecutorService pool = Executors.newCachedThreadPool();

    @Override
    public void doWork(Work work) {
        work.run();
    }

    @Override
    public void doWork(Work work, long timeout, ExecutionContext ctx, WorkListener listener) {
        work.run();
    }

    @Override
    public long startWork(Work work) {
        pool.execute(work);
        return 0;
    }

    @Override
    public long startWork(Work work, long timeout, ExecutionContext ctx, WorkListener listener) {
        return startWork(work);
    }

    @Override
    public void scheduleWork(Work work) {
        pool.execute(work);
    }

    @Override
    public void scheduleWork(Work work, long timeout, ExecutionContext ctx, WorkListener listener) {
        scheduleWork(work);
    }

    @Override
    public WorkManager getWorkManager() {
        return this;
    }

    @Override
    public XATerminator getXATerminator() {
        return null;
    }

    @Override
    public Timer createTimer() {
        return new Timer(true);
    }

    @Override
    public boolean isContextSupported(Class<? extends WorkContext> type) {
        return true;
    }

    @Override
    public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
        return null;
    }
}
