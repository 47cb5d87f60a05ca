package org.beaconpacs.archive.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.background.SingleWriter;
import org.beaconpacs.archive.entity.audit.AuditRecord;

/**
 * The audit trail: services hand in drafts ({@link #record}), which wait in a bounded queue; one task of the
 * managed executor completes them, writes them as XML and keeps them ({@link AuditStore}, many to a
 * transaction), then wakes the {@link AuditForwarder}. A service waits only when the queue is full (the
 * writer has fallen {@code BEACON_AUDIT_QUEUE} messages behind): back-pressure rather than a lost message.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());
    static final int BATCH = 200;
    /** How long a service waits for room in a full queue before the message is given up (and logged). */
    private static final long FULL_WAIT_SECONDS = 30;

    private AuditSettings settings;
    private AuditMessageWriter writer;
    private BlockingQueue<AuditDraft> queue;
    private SingleWriter background;
    private final Object flushing = new Object();
    private final AtomicLong waits = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private volatile int highWater;

    @EJB
    private AuditStore store;
    @EJB
    private AuditForwarder forwarder;
    @Resource
    private ManagedExecutorService executor;

    @PostConstruct
    void start() {
        settings = AuditSettings.fromSystem();
        writer = new AuditMessageWriter(settings.sourceId(), settings.siteId());
        queue = new ArrayBlockingQueue<>(settings.queueSize());
        background = new SingleWriter(executor, this::flush, () -> !queue.isEmpty());
        record(facts -> AuditMessages.applicationActivity(AuditCodes.APPLICATION_START, Instant.now()));
    }

    @PreDestroy
    void stop() {
        record(facts -> AuditMessages.applicationActivity(AuditCodes.APPLICATION_STOP, Instant.now()));
        flush(); // kept; the repository gets it after the next start if the forwarder stops first
    }

    public AuditSettings settings() {
        return settings;
    }

    /** Queues {@code draft}; waits only while the queue is full. */
    public void record(AuditDraft draft) {
        if (!queue.offer(draft)) {
            waits.incrementAndGet();
            background.start();
            try {
                if (!queue.offer(draft, FULL_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    lost.incrementAndGet();
                    LOG.severe("the audit queue stayed full for " + FULL_WAIT_SECONDS + " s: an audit message is lost");
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lost.incrementAndGet();
                return;
            }
        }
        highWater = Math.max(highWater, queue.size());
        background.start();
    }

    /** Writes every draft queued so far before returning. */
    public void flush() {
        synchronized (flushing) {
            for (List<AuditDraft> batch = take(); !batch.isEmpty(); batch = take()) {
                List<AuditRecord> records = new ArrayList<>(batch.size());
                for (AuditDraft d : batch) {
                    try {
                        records.add(record(d.complete(store)));
                    } catch (RuntimeException e) {
                        LOG.log(Level.SEVERE, "an audit message could not be made", e);
                    }
                }
                try {
                    store.keep(records);
                } catch (RuntimeException e) {
                    lost.addAndGet(records.size());
                    LOG.log(Level.SEVERE, records.size() + " audit messages not kept", e);
                }
            }
        }
        try {
            forwarder.wake();
        } catch (RuntimeException stopped) {
            // the forwarder stops before the trail: what is kept goes after the next start
        }
    }

    /** How the queue fared: services that had to wait, messages lost, the most that waited at once. */
    public QueueStats stats() {
        return new QueueStats(queue.size(), highWater, waits.get(), lost.get());
    }

    /** The audit queue's counters since the start. */
    public record QueueStats(int queued, int highWater, long serviceWaits, long lost) {
    }

    private AuditRecord record(AuditMessage m) {
        byte[] xml = writer.write(m);
        AuditMessage.Event e = m.event();
        return new AuditRecord(e.time(), e.id().code(), e.id().meaning(),
                e.types().isEmpty() ? null : e.types().get(0).meaning(), e.action().name(), e.outcome().indicator,
                cut(m.requestor(), 256), joined(m.patientIds(), 1024), joined(m.studyUids(), 2048), xml);
    }

    private static String joined(List<String> values, int max) {
        String s = AuditEntry.join(values);
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, s.lastIndexOf('\\', max - 1) + 1); // whole values only
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private List<AuditDraft> take() {
        List<AuditDraft> batch = new ArrayList<>();
        queue.drainTo(batch, BATCH);
        return batch;
    }
}
