package org.beaconpacs.archive.rar;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.rar.api.AssociationReport;
import org.beaconpacs.archive.rar.api.DimseListener;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.dicom.net.scp.Responder;

/**
 * The active message endpoint (the archive's MDB) and delivery to it. The listeners open only once one
 * is active; a request that finds none (the archive is being undeployed) is not delivered, and its
 * association is aborted rather than answered with a failure, so that the sender sends it again.
 */
final class Endpoints {

    private static final Logger LOG = Logger.getLogger(Endpoints.class.getName());

    private final AtomicReference<MessageEndpointFactory> active = new AtomicReference<>();
    /** Requests the endpoint is answering now. */
    private final AtomicInteger inFlight = new AtomicInteger();

    void activate(MessageEndpointFactory factory) {
        if (!active.compareAndSet(null, factory)) {
            LOG.warning(() -> "a second DICOM message endpoint (" + factory.getEndpointClass()
                    + ") is ignored: requests go to " + active.get().getEndpointClass());
        }
    }

    /** Takes no more requests through {@code factory}'s endpoint. */
    void deactivate(MessageEndpointFactory factory) {
        active.compareAndSet(factory, null);
    }

    /**
     * Waits (at most {@code grace}) for the requests under way to be answered: the container stops the
     * archive's services once the endpoint is gone, and a request cut off by that would be answered with
     * a failure.
     */
    void awaitRequests(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) {
            LOG.info(() -> inFlight.get() + " DICOM request(s) still under way as the archive's services stop");
        }
    }

    boolean isActive() {
        return active.get() != null;
    }

    /** Delivers one request; false when no endpoint could take it (nothing was answered). */
    boolean deliver(DimseRequest request, Responder responder) {
        inFlight.incrementAndGet();
        try {
            MessageEndpoint endpoint = create();
            if (endpoint == null) {
                return false;
            }
            try {
                ((DimseListener) endpoint).onRequest(request, responder);
            } finally {
                endpoint.release();
            }
        } finally {
            inFlight.decrementAndGet();
        }
        return true;
    }

    /** Delivers an activity record; one that cannot be delivered is logged. */
    void deliver(AssociationReport report) {
        MessageEndpoint endpoint = create();
        if (endpoint == null) {
            LOG.info(() -> "activity record not kept (no endpoint): " + report.association() + " "
                    + report.outcome() + " " + report.outcomeDetail());
            return;
        }
        try {
            ((DimseListener) endpoint).onAssociationEnd(report);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "activity record of " + report.association() + " not kept", e);
        } finally {
            endpoint.release();
        }
    }

    private MessageEndpoint create() {
        MessageEndpointFactory factory = active.get();
        if (factory == null) {
            return null;
        }
        try {
            return factory.createEndpoint(null);
        } catch (UnavailableException e) {
            LOG.log(Level.WARNING, "DICOM message endpoint unavailable", e);
            return null;
        }
    }
}
