package org.beaconpacs.archive.commitment;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Logger;
import org.beaconpacs.archive.config.AeConfigService;
import org.beaconpacs.archive.config.AePermission;
import org.beaconpacs.archive.dimse.Capability;
import org.beaconpacs.archive.dimse.DimseScp;
import org.beaconpacs.archive.dimse.TransferSyntaxPolicy;
import org.beaconpacs.archive.query.Identifiers;
import org.beaconpacs.archive.rar.api.AssociationInfo;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.scp.Responder;

/**
 * Storage Commitment Push Model SCP (PS3.4 J.3): the N-ACTION request is checked, persisted and answered at
 * once; the N-EVENT-REPORT follows when every instance is decided ({@link StorageCommitmentService}). The
 * requesting AE must be configured (the report may need a new association to its host and port) and
 * allowed to ask (mayCommit).
 */
@ApplicationScoped
public class StorageCommitmentScp implements DimseScp {

    private static final Logger LOG = Logger.getLogger(StorageCommitmentScp.class.getName());
    private static final Capability CAPABILITY = Capability.of("Storage Commitment",
            Set.of(UID.StorageCommitmentPushModel), Set.of(CommandField.N_ACTION_RQ), TransferSyntaxPolicy.NATIVE,
            AePermission.COMMIT);

    @Inject
    private StorageCommitmentService service;
    @Inject
    private ReportChannels channels;
    @EJB
    private CommitmentWorker worker;
    @EJB
    private AeConfigService config;

    @Override
    public Capability capability() {
        return CAPABILITY;
    }

    @Override
    public void onRequest(DimseRequest request, Responder responder) throws IOException {
        Command rq = request.message().command();
        AssociationInfo association = request.association();
        Attributes info = Identifiers.read(request.message().data(), request.message().transferSyntax());
        CommitmentRequest commitment;
        try {
            commitment = CommitmentRequest.of(rq.actionTypeId(), rq.requestedSopInstanceUid(), info);
        } catch (CommitmentRequest.Invalid e) {
            LOG.info(() -> "storage commitment request of " + association.callingAeTitle() + " refused: "
                    + e.getMessage());
            responder.respond(rq.response(e.status(), false).setErrorComment(e.getMessage()), null);
            return;
        }
        if (config.find(association.callingAeTitle()).isEmpty()) {
            responder.respond(rq.response(Status.NOT_AUTHORIZED, false).setErrorComment(association.callingAeTitle()
                    + " is not a configured AE: the archive reports commitments to configured AEs only"), null);
            return;
        }
        channels.register(association.serial(), responder);
        service.request(commitment.transactionUid(), commitment.items(), association.callingAeTitle(),
                association.calledAeTitle(), association.serial());
        responder.respond(rq.response(Status.SUCCESS, false), null);
        worker.trigger();
    }
}
