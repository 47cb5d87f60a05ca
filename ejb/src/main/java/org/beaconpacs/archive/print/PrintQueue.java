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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.config.Settings;
import org.beaconpacs.archive.entity.print.PrintJob;

/**
 * Prints the pending jobs one at a time, in the queue's order (Print Priority, then arrival): every few
 * seconds and at once after a job is spooled. One at a time on purpose: a 14 × 17 in film at 300 dpi is
 * a 21 MB image (85 MB in color), and eight associations printing at once must not hold eight. Jobs of a
 * printer whose status is FAILURE wait until an administrator sets it back.
 * <p>
 * The nodes of a cluster share the queue: a node claims a job before it prints it (one node prints
 * each job), for {@link #LEASE}. A node prints the jobs it spooled (the Print Job N-EVENT-REPORTs go on
 * their association, which only that node holds); another takes a job that waited {@link #TAKEOVER} for its
 * node. A job left PRINTING by a node that died is printed again by another once the claim has run out,
 * and one a node left at its own stop or crash again when that node starts.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PrintQueue {

    private static final Logger LOG = Logger.getLogger(PrintQueue.class.getName());
    private static final long EVERY_MILLIS = 5000;
    /** Far longer than a film takes to render and hand over: a 14 × 17 in film at 300 dpi takes seconds. */
    static final Duration LEASE = Duration.ofMinutes(10);
    /** How long a job waits for the node that spooled it before another node prints it. */
    static final Duration TAKEOVER = Duration.ofSeconds(30);

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
        int requeued = jobs.requeueInterrupted(Settings.nodeName());
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
            int expired = jobs.requeueExpired(Instant.now());
            if (expired > 0) {
                LOG.warning(() -> expired + " print job(s) of a node that stopped answering print again here");
            }
            do {
                again.set(false);
                List<PrinterSettings> stopped = printers.all().stream().filter(p -> p.status().equals("FAILURE"))
                        .toList();
                Instant othersAfter = Instant.now().minus(TAKEOVER);
                for (PrintJobSummary job : jobs.pending()) {
                    if (stopped.stream().anyMatch(p -> p.aeTitle().equals(job.printerAe()))
                            || !mine(job) && job.updated().isAfter(othersAfter)) {
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

    private static boolean mine(PrintJobSummary job) {
        return job.node() == null || job.node().equals(Settings.nodeName());
    }

    private void print(PrintJobSummary pending) {
        Instant now = Instant.now();
        Optional<PrintJobSummary> claimed = jobs.claim(pending.id(), Settings.nodeName(), now, now.plus(LEASE));
        if (claimed.isEmpty()) {
            return; // another node prints it
        }
        PrintJobSummary job = claimed.get();
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
