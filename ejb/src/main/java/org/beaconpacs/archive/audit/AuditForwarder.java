package org.beaconpacs.archive.audit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.entity.audit.AuditRecord;
import org.beaconpacs.archive.rar.api.DicomConnection;
import org.beaconpacs.archive.rar.api.DicomConnectionFactory;
import org.beaconpacs.archive.rar.api.SyslogSender;

/**
 * Sends the kept audit records to the audit repository, in the order they were written, as RFC 5424
 * syslog messages (MSGID {@code IHE+RFC-3881}, facility 10, severity notice, or warning for a failure).
 * The table is the spool: the id of the last record sent is kept after each batch, so a repository that is
 * unreachable (retried every {@code BEACON_AUDIT_RETRY_MILLIS}) or a restart loses nothing and sends
 * nothing twice, except the batch in flight when the server dies.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditForwarder {

    private static final Logger LOG = Logger.getLogger(AuditForwarder.class.getName());
    static final String MSGID = "IHE+RFC-3881";
    private static final int BATCH = 500;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean failing;
    private volatile boolean stopped;
    private SyslogSender sender; // touched by the one running task only
    private final AuditSettings settings = AuditSettings.fromSystem();

    @EJB
    private AuditStore store;
    @Resource(lookup = DicomConnectionFactory.JNDI_NAME)
    private DicomConnectionFactory connections;
    @Resource
    private ManagedScheduledExecutorService executor;

    /** New records are kept: send them (one task at a time; a wake during a run makes it look again). */
    public void wake() {
        if (stopped || !settings.forwarding()) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            schedule(0);
        }
    }

    /** Whether the last attempt to reach the repository failed. */
    public boolean failing() {
        return failing;
    }

    @PreDestroy
    void stop() {
        stopped = true;
        closeSender();
    }

    private void schedule(long delayMillis) {
        try {
            executor.schedule(this::run, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            running.set(false); // stopping: the rest goes after the next start
        }
    }

    private void run() {
        try {
            do {
                again.set(false);
                send();
            } while (again.get() && !stopped);
            failing = false;
            running.set(false);
            if (again.get()) {
                wake();
            }
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                LOG.log(Level.WARNING, "the audit repository " + settings.host() + ":" + settings.port()
                        + " cannot be reached; the audit messages wait and are retried", e);
            }
            failing = true;
            closeSender();
            if (stopped) {
                running.set(false);
            } else {
                schedule(settings.retryMillis());
            }
        }
    }

    private void send() throws IOException {
        while (!stopped && store.forward(BATCH, this::send) == BATCH) {
            // a full batch: there may be more
        }
    }

    private void send(AuditRecord r) throws IOException {
        if (sender == null) {
            AuditSettings s = settings;
            try (DicomConnection c = connections.getConnection()) {
                sender = c.openSyslog(s.host(), s.port(), s.transport(), "beacon");
            } catch (jakarta.resource.ResourceException e) {
                throw new IOException("the resource adapter gives no connection", e);
            }
            if (failing) {
                LOG.info(() -> "the audit repository " + s.host() + ":" + s.port() + " is reachable again");
                failing = false;
            }
        }
        sender.send(r.getOutcome() == 0 ? 5 : 4, MSGID, r.getMessage());
    }

    private void closeSender() {
        SyslogSender s = sender;
        sender = null;
        if (s != null) {
            s.close();
        }
    }
}
