package org.beaconpacs.archive.dimse;

import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.activity.ActivityService;
import org.beaconpacs.archive.rar.api.AssociationReport;
import org.beaconpacs.archive.rar.api.DimseListener;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.archive.storage.StorageService;
import org.beaconpacs.archive.verification.VerificationService;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.scp.Responder;
import org.jboss.ejb3.annotation.ResourceAdapter;

/**
 * Where DIMSE requests enter the archive: the resource adapter calls this endpoint on its own thread for
 * each request, and it routes by command to the service that answers. No transaction here: a data set
 * is streamed for as long as it takes; each service runs its own.
 */
@MessageDriven(messageListenerInterface = DimseListener.class)
@ResourceAdapter("beacon")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DimseMdb implements DimseListener {

    private static final Logger LOG = Logger.getLogger(DimseMdb.class.getName());

    @EJB
    private VerificationService verification;
    @EJB
    private StorageService storage;
    @EJB
    private ActivityService activity;

    @Override
    public void onRequest(DimseRequest request, Responder responder) {
        Command rq = request.message().command();
        try {
            switch (rq.commandField()) {
                case CommandField.C_ECHO_RQ -> verification.echo(request, responder);
                case CommandField.C_STORE_RQ -> storage.store(request, responder);
                default -> responder.respond(rq.response(Status.UNRECOGNIZED_OPERATION, false)
                        .setErrorComment(CommandField.name(rq.commandField()) + " is not offered for "
                                + rq.sopClassUid()), null);
            }
        } catch (IOException e) {
            // the association is gone; the adapter ends it and records how
            LOG.log(Level.FINE, "could not answer " + rq, e);
        }
    }

    @Override
    public void onAssociationEnd(AssociationReport report) {
        activity.record(report);
    }
}
