package org.beaconpacs.archive.rar;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.rar.api.AssociationReport;
import org.beaconpacs.archive.rar.api.DimseListener;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.scp.Responder;

/**
 * The active message endpoint (the archive's MDB) and delivery to it. Until one is active, requests are
 * answered with a failure that says so: the archive is starting or being redeployed.
 */
final class Endpoints {

    private static final Logger LOG = Logger.getLogger(Endpoints.class.getName());

    private final AtomicReference<MessageEndpointFactory> active = new AtomicReference<>();

    void activate(MessageEndpointFactory factory) {
        if (!active.compareAndSet(null, factory)) {
            LOG.warning(() -> "a second DICOM message endpoint (" + factory.getEndpointClass()
                    + ") is ignored: requests go to " + active.get().getEndpointClass());
        }
    }

    void deactivate(MessageEndpointFactory factory) {
        active.compareAndSet(factory, null);
    }

    boolean isActive() {
        return active.get() != null;
    }

    /** Delivers one request; answers it with a failure status if no endpoint can take it. */
    void deliver(DimseRequest request, Responder responder) throws java.io.IOException {
        MessageEndpoint endpoint = create();
        if (endpoint == null) {
            responder.respond(request.message().command().response(Status.PROCESSING_FAILURE, false)
                    .setErrorComment("the archive's services are not available (starting or redeploying)"), null);
            return;
        }
        try {
            ((DimseListener) endpoint).onRequest(request, responder);
        } finally {
            endpoint.release();
        }
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
