package org.beaconpacs.archive.rar;

import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks as JCA Work on the container's WorkManager, hinted long-running: a DICOM association or
 * accept loop lives for as long as its peer wants, and must not wait in a queue behind others.
 */
final class WorkExecutor implements Executor {

    private final WorkManager workManager;

    WorkExecutor(WorkManager workManager) {
        this.workManager = workManager;
    }

    @Override
    public void execute(Runnable task) {
        try {
            workManager.scheduleWork(new LongRunning(task));
        } catch (WorkException e) {
            throw new RejectedExecutionException("the WorkManager refused DICOM work: " + e.getMessage(), e);
        }
    }

    /** A task as Work with the long-running hint. */
    private record LongRunning(Runnable task) implements Work, WorkContextProvider {

        @Override
        public void run() {
            task.run();
        }

        @Override
        public void release() {
            // the task ends by its own socket closing (the adapter closes it on stop)
        }

        @Override
        public List<WorkContext> getWorkContexts() {
            HintsContext hints = new HintsContext();
            hints.setHint(HintsContext.LONGRUNNING_HINT, Boolean.TRUE);
            hints.setName("DICOM");
            return List.of(hints);
        }
    }
}
