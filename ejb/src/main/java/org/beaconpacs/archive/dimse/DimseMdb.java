package org.beaconpacs.archive.dimse;

import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.config.AePermission;
import org.beaconpacs.archive.config.AePermissions;
import org.beaconpacs.archive.rar.api.AssociationReport;
import org.beaconpacs.archive.rar.api.DimseListener;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.archive.rar.api.ServicesUnavailableException;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.scp.Responder;
import org.jboss.ejb3.annotation.ResourceAdapter;

/**
 * Where DIMSE requests enter the archive: the resource adapter calls this endpoint on its own thread for
 * each request. The {@link CapabilityRegistry} names the SCP by the context's abstract syntax and the
 * command; the calling AE's permission for it is checked here, once for every service. No transaction
 * here: a data set is streamed for as long as it takes; each service runs its own.
 */
@MessageDriven(messageListenerInterface = DimseListener.class)
@ResourceAdapter("beacon")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DimseMdb implements DimseListener {

    private static final Logger LOG = Logger.getLogger(DimseMdb.class.getName());

    @Inject
    private CapabilityRegistry registry;
    @Inject
    private AePermissions permissions;
    @Inject
    private Event<AssociationEnded> ended;

    @Override
    public void onRequest(DimseRequest request, Responder responder) {
        Command rq = request.message().command();
        try {
            DimseScp scp = registry.route(request.message().abstractSyntax(), rq.commandField());
            if (scp == null) {
                refuse(request, responder, Status.UNRECOGNIZED_OPERATION, CommandField.name(rq.commandField())
                        + " is not offered for " + request.message().abstractSyntax());
                return;
            }
            AePermission needed = scp.capability().permission();
            String caller = request.association().callingAeTitle();
            if (needed != null && !permissions.allows(caller, needed)) {
                refuse(request, responder, Status.NOT_AUTHORIZED, "AE " + caller + " lacks permission " + needed.flag());
                return;
            }
            scp.onRequest(request, responder);
        } catch (RuntimeException e) {
            if (ServicesUnavailableException.isCause(e)) {
                throw new ServicesUnavailableException("the archive's services are stopping", e);
            }
            throw e;
        } catch (IOException e) {
            // the association is gone; the adapter ends it and records how
            LOG.log(Level.FINE, "could not answer " + rq, e);
        }
    }

    /** A failure before any service saw the request; its data set, if any, is read and dropped. */
    private static void refuse(DimseRequest request, Responder responder, int status, String comment)
            throws IOException {
        InputStream data = request.message().data();
        if (data != null) {
            data.skip(Long.MAX_VALUE);
        }
        LOG.fine(() -> request.message().command() + " refused: " + comment);
        responder.respond(request.message().command().response(status, false)
                .setErrorComment(comment), null);
    }

    @Override
    public void onAssociationEnd(AssociationReport report) {
        ended.fire(new AssociationEnded(report)); // recorded off this thread, in batches
    }
}
