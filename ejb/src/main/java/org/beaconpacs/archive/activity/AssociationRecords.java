package org.beaconpacs.archive.activity;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.background.SingleWriter;
import org.beaconpacs.archive.dimse.AssociationEnded;
import org.beaconpacs.archive.rar.api.AssociationReport;

/**
 * Writes the association records off the associations' threads: an ended association's report is queued,
 * and one task of the managed executor writes what has queued up, many records to a transaction while
 * associations end faster than one commit. Whoever reads the records flushes the queue first, so the
 * console and the API never miss an association that has ended.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AssociationRecords {

    private static final Logger LOG = Logger.getLogger(AssociationRecords.class.getName());
    /** Records written in one transaction at most. */
    static final int BATCH = 200;

    private final Queue<AssociationReport> pending = new ConcurrentLinkedQueue<>();
    private SingleWriter writer;
    private final Object flushing = new Object();

    @EJB
    private ActivityService activity;
    @Resource
    private ManagedExecutorService executor;

    public void ended(@Observes AssociationEnded event) {
        pending.add(event.report());
        writer.start();
    }

    /** Writes every record queued so far before returning. */
    public void flush() {
        synchronized (flushing) {
            for (List<AssociationReport> batch = take(); !batch.isEmpty(); batch = take()) {
                try {
                    activity.recordAll(batch);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, batch.size() + " association records not kept", e);
                }
            }
        }
    }

    @PostConstruct
    void start() {
        writer = new SingleWriter(executor, this::flush, () -> !pending.isEmpty());
    }

    @PreDestroy
    void stop() {
        flush();
    }

    private List<AssociationReport> take() {
        List<AssociationReport> batch = new ArrayList<>();
        for (AssociationReport r; batch.size() < BATCH && (r = pending.poll()) != null; ) {
            batch.add(r);
        }
        return batch;
    }
}
