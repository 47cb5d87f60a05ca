package org.beaconpacs.archive.print;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.entity.print.PrintJob;

/**
 * Prints the pending jobs one at a time, in the queue's order (Print Priority, then arrival): every few
 * seconds and at once after a job is spooled. One at a time on purpose: a 14 × 17 in film at 300 dpi is
 * a 21 MB image (85 MB in color), and eight associations printing at once must not hold eight. Jobs of a
 * printer whose status is FAILURE wait until an administrator sets it back.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PrintQueue {

    private static final Logger LOG = Logger.getLogger(PrintQueue.class.getName());
    private static final long EVERY_MILLIS = 5000;

    @Resource
    private TimerService timers;
    @EJB
    private PrintJobs jobs;
    @EJB
    private Printers printers;
    @Inject
    private FilmPrinter printer;

    private final ReentrantLock round = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();

    @PostConstruct
    void start() {
        printers.ensureDefault();
        int requeued = jobs.requeueInterrupted();
        if (requeued > 0) {
            LOG.info(() -> requeued + " print job(s) interrupted by the last stop print again");
        }
        timers.createIntervalTimer(EVERY_MILLIS, EVERY_MILLIS, new TimerConfig("print-queue", false));
    }

    /** A round soon, for a job just spooled or a printer back to work. */
    public void trigger() {
        timers.createSingleActionTimer(1, new TimerConfig("print-queue-now", false));
    }

    @Timeout
    void due() {
        if (!round.tryLock()) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                List<PrinterSettings> stopped = printers.all().stream().filter(p -> p.status().equals("FAILURE"))
                        .toList();
                for (PrintJobSummary job : jobs.pending()) {
                    if (stopped.stream().anyMatch(p -> p.aeTitle().equals(job.printerAe()))) {
                        continue;
                    }
                    print(job);
                    again.set(true); // the queue may have changed meanwhile: look again from its head
                    break;
                }
            } while (again.get());
        } finally {
            round.unlock();
        }
    }

    private void print(PrintJobSummary job) {
        jobs.state(job.id(), PrintJob.State.PRINTING, "NORMAL", null);
        try {
            String detail = printer.print(job);
            jobs.state(job.id(), PrintJob.State.DONE, "NORMAL", detail);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "print job " + job.jobUid() + " failed: " + e.getMessage(), e);
            jobs.state(job.id(), PrintJob.State.FAILURE, "INVALID_PAGE_DES", e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
    }
}
