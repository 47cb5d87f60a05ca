package org.beaconpacs.archive.rar;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.beaconpacs.archive.rar.api.DicomConfiguration;
import org.beaconpacs.archive.rar.api.ListenerState;
import org.beaconpacs.archive.rar.api.LocalAe;
import org.beaconpacs.dicom.net.association.Timeouts;

/**
 * The DICOM resource adapter: owns the listeners (one per host and port of the configured local AEs)
 * and every DICOM thread, which it takes from the container's WorkManager. Requests go to the active
 * message endpoint (the archive's MDB). The limits are the adapter's config properties, set by
 * wildfly-config from environment variables.
 */
public class BeaconResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(BeaconResourceAdapter.class.getName());

    // config properties (ra.xml)
    private Integer maxAssociations = 100;
    private Integer artimSeconds = 10;
    private Integer idleSeconds = 300;
    private Integer dimseResponseSeconds = 60;
    private Integer maxPduLength = 262_144;
    private Integer shutdownSeconds = 5;
    private Integer hl7Port = 2575;
    private String hl7Host = "0.0.0.0";
    private Boolean hl7Tls = false;
    private String serverSslContext = "beaconSSC";
    private String clientSslContext = "beaconCSC";
    private volatile TlsProfile tls;

    private WorkManager workManager;
    private final Endpoints endpoints = new Endpoints();
    private final Map<String, Listener> listeners = new LinkedHashMap<>();
    private final Outbound outbound = new Outbound();
    private final AtomicInteger openAssociations = new AtomicInteger();
    private DicomConfiguration configuration;
    private volatile boolean running;
    private MllpListener hl7;

    @Override
    public void start(BootstrapContext ctx) {
        workManager = ctx.getWorkManager();
        try {
            TlsProfile t = tls();
            LOG.info(() -> "TLS: " + t);
        } catch (java.io.IOException e) {
            LOG.severe(e.getMessage());
        }
        running = true;
        LOG.info(() -> "DICOM resource adapter started: max " + maxAssociations + " associations, ARTIM "
                + artimSeconds + " s, idle " + idleSeconds + " s, max PDU " + maxPduLength);
    }

    @Override
    public void stop() {
        running = false;
        List<Listener> closing;
        synchronized (this) {
            closing = new ArrayList<>(listeners.values());
            listeners.clear();
        }
        Duration grace = Duration.ofSeconds(shutdownSeconds);
        closing.forEach(Listener::stopAccepting);
        closing.forEach(l -> l.endAssociations(grace));
        outbound.abortAll();
        synchronized (this) {
            if (hl7 != null) {
                hl7.stop();
                hl7 = null;
            }
        }
        LOG.info("DICOM resource adapter stopped: every listener closed");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (spec instanceof Hl7ActivationSpec) {
            startHl7(factory);
            return;
        }
        endpoints.activate(factory);
        synchronized (this) {
            if (configuration != null && running) {
                configure(configuration); // the configuration came first: its listeners open now
            }
        }
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        if (spec instanceof Hl7ActivationSpec) {
            synchronized (this) {
                if (hl7 != null) {
                    hl7.stop();
                    hl7 = null;
                }
            }
            return;
        }
        synchronized (this) {
            // an undeploy begins: from now on associations are rejected as transient, until the listeners close
            endpoints.deactivate(factory);
            listeners.values().forEach(l -> l.available(endpoints.isActive()));
        }
        // the services stop when this returns: those answering a request finish it first (outside the lock,
        // for a request under way may reconfigure the listeners)
        endpoints.awaitRequests(Duration.ofSeconds(shutdownSeconds));
    }

    /** Opens the HL7 listener for the archive's HL7 endpoint (unless Hl7Port is 0). */
    private synchronized void startHl7(MessageEndpointFactory factory) throws ResourceException {
        if (hl7Port == null || hl7Port == 0) {
            LOG.info("HL7 listener off (Hl7Port 0)");
            return;
        }
        MllpListener l;
        try {
            // TLS by the profile, as the DICOM listeners'
            l = new MllpListener(hl7Host, hl7Port, Boolean.TRUE.equals(hl7Tls) ? tls().serverSocketFactory()
                    : javax.net.ServerSocketFactory.getDefault(), workManagerExecutor(), factory, idleSeconds * 1000);
        } catch (java.io.IOException e) {
            throw new ResourceException("no TLS for the HL7 listener: " + e.getMessage(), e);
        }
        try {
            l.start();
            hl7 = l;
        } catch (java.io.IOException e) {
            // the archive runs without HL7 rather than not at all; the log says why
            LOG.log(java.util.logging.Level.SEVERE, "HL7 listener cannot open " + hl7Host + ":" + hl7Port + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /**
     * Opens, keeps, or closes listeners to match {@code config}. A listener opens only once the archive's
     * endpoint is active too: until both its configuration (with the services it offers) and its endpoint
     * are there, nothing would answer an association.
     */
    synchronized void configure(DicomConfiguration config) {
        if (!running) {
            throw new IllegalStateException("the DICOM resource adapter is not running");
        }
        this.configuration = config;
        Map<String, List<LocalAe>> byAddress = new LinkedHashMap<>();
        for (LocalAe ae : config.localAes()) {
            byAddress.computeIfAbsent(Listener.key(ae.host(), ae.port()), k -> new ArrayList<>()).add(ae);
        }
        for (var it = listeners.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            List<LocalAe> aes = byAddress.get(e.getKey());
            if (aes == null || aes.get(0).tls() != e.getValue().tls()) {
                Listener gone = e.getValue();
                it.remove();
                gone.stopAccepting();
                workManagerExecutor().execute(() -> gone.endAssociations(Duration.ofSeconds(shutdownSeconds)));
            }
        }
        byAddress.forEach((key, aes) -> {
            Listener l = listeners.computeIfAbsent(key, k -> new Listener(this, aes.get(0).host(), aes.get(0).port(),
                    aes.get(0).tls()));
            l.reconfigure(aes, config);
            l.available(endpoints.isActive());
            if (endpoints.isActive() && !l.isListening()) {
                l.start();
            }
        });
    }

    synchronized List<ListenerState> listenerStates() {
        return listeners.values().stream().map(Listener::state).toList();
    }

    /** Runs DICOM work on the container's WorkManager, never on threads of our own. */
    Executor workManagerExecutor() {
        return new WorkExecutor(workManager);
    }

    int openAssociations() {
        return openAssociations.get();
    }

    AtomicInteger openAssociationCounter() {
        return openAssociations;
    }

    Endpoints endpoints() {
        return endpoints;
    }

    Outbound outbound() {
        return outbound;
    }

    Timeouts timeouts() {
        return new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(artimSeconds),
                Duration.ofSeconds(dimseResponseSeconds), Duration.ofSeconds(idleSeconds));
    }

    int maxAssociationsValue() {
        return maxAssociations;
    }

    int maxPduLengthValue() {
        return maxPduLength;
    }

    static void log(Level level, String message, Throwable t) {
        LOG.log(level, message, t);
    }

    // ---------------------------------------------------------------- config properties

    /**
     * The TLS profile of every TLS socket; an IOException saying why when Elytron's contexts are not there or
     * did not start (looked up again at the next use: the administrator may fix them without a redeploy).
     */
    TlsProfile tls() throws java.io.IOException {
        TlsProfile t = tls;
        if (t == null) {
            try {
                t = ElytronSslContexts.available() ? TlsProfile.elytron(serverSslContext, clientSslContext)
                        : TlsProfile.jvmDefault();
            } catch (java.io.IOException e) {
                throw new java.io.IOException("TLS is not available: " + e.getMessage(), e);
            }
            tls = t;
        }
        return t;
    }

    public Integer getMaxAssociations() {
        return maxAssociations;
    }

    public void setMaxAssociations(Integer maxAssociations) {
        this.maxAssociations = maxAssociations;
    }

    public Integer getArtimSeconds() {
        return artimSeconds;
    }

    public void setArtimSeconds(Integer artimSeconds) {
        this.artimSeconds = artimSeconds;
    }

    public Integer getIdleSeconds() {
        return idleSeconds;
    }

    public void setIdleSeconds(Integer idleSeconds) {
        this.idleSeconds = idleSeconds;
    }

    public Integer getDimseResponseSeconds() {
        return dimseResponseSeconds;
    }

    public void setDimseResponseSeconds(Integer dimseResponseSeconds) {
        this.dimseResponseSeconds = dimseResponseSeconds;
    }

    public Integer getMaxPduLength() {
        return maxPduLength;
    }

    public void setMaxPduLength(Integer maxPduLength) {
        this.maxPduLength = maxPduLength;
    }

    public Integer getHl7Port() {
        return hl7Port;
    }

    public void setHl7Port(Integer hl7Port) {
        this.hl7Port = hl7Port;
    }

    public Boolean getHl7Tls() {
        return hl7Tls;
    }

    public void setHl7Tls(Boolean hl7Tls) {
        this.hl7Tls = hl7Tls;
    }

    public String getServerSslContext() {
        return serverSslContext;
    }

    public void setServerSslContext(String serverSslContext) {
        this.serverSslContext = serverSslContext;
    }

    public String getClientSslContext() {
        return clientSslContext;
    }

    public void setClientSslContext(String clientSslContext) {
        this.clientSslContext = clientSslContext;
    }

    public String getHl7Host() {
        return hl7Host;
    }

    public void setHl7Host(String hl7Host) {
        this.hl7Host = hl7Host;
    }

    public Integer getShutdownSeconds() {
        return shutdownSeconds;
    }

    public void setShutdownSeconds(Integer shutdownSeconds) {
        this.shutdownSeconds = shutdownSeconds;
    }

    // JCA: a resource adapter is a JavaBean compared by its configuration
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
