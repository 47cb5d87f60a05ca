package org.beaconpacs.archive.commitment;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Logger;
import org.beaconpacs.archive.config.AeDto;
import org.beaconpacs.archive.config.Settings;
import org.beaconpacs.archive.dimse.Capability;
import org.beaconpacs.archive.dimse.DimseScp;
import org.beaconpacs.archive.dimse.TransferSyntaxPolicy;
import org.beaconpacs.archive.entity.commitment.Commitment;
import org.beaconpacs.archive.entity.commitment.CommitmentItem;
import org.beaconpacs.archive.query.Identifiers;
import org.beaconpacs.archive.rar.api.DicomConnection;
import org.beaconpacs.archive.rar.api.DicomConnectionFactory;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.archive.remote.RemoteArchiveException;
import org.beaconpacs.archive.remote.RemoteArchiveService;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scp.Responder;
import org.beaconpacs.dicom.net.scu.DicomClient;

/**
 * The archive as Storage Commitment Push Model SCU (PS3.4 J.3): asks another AE (a long-term archive) to
 * commit to a study, and takes its N-EVENT-REPORT on the request's association while it waits there, or
 * on a new association to the archive's listener, where the remote AE may take the SCP role by role
 * selection (J.3.3.1.3). The results go to {@link AskedCommitmentService}.
 */
@ApplicationScoped
public class StorageCommitmentScu implements DimseScp {

    private static final Logger LOG = Logger.getLogger(StorageCommitmentScu.class.getName());
    private static final Capability CAPABILITY = new Capability("Storage Commitment reports",
            Set.of(UID.StorageCommitmentPushModel), Set.of(CommandField.N_EVENT_REPORT_RQ),
            Set.of(UID.StorageCommitmentPushModel), TransferSyntaxPolicy.NATIVE, null, false);
    private static final Duration POLL = Duration.ofMillis(250);

    @Inject
    private AskedCommitmentService service;
    @Inject
    private RemoteArchiveService remotes;
    @Resource(lookup = DicomConnectionFactory.JNDI_NAME)
    private DicomConnectionFactory dicom;

    @Override
    public Capability capability() {
        return CAPABILITY;
    }

    /** A report on a new association: answered Success once recorded, else with why it is refused. */
    @Override
    public void onRequest(DimseRequest request, Responder responder) throws IOException {
        Command rq = request.message().command();
        Attributes info = Identifiers.read(request.message().data(), request.message().transferSyntax());
        CommitmentRequest.Invalid refused = take(rq, info, request.association().callingAeTitle(),
                CommitmentReporter.NEW_ASSOCIATION);
        responder.respond(refused == null ? rq.response(Status.SUCCESS, false)
                : rq.response(refused.status(), false).setErrorComment(refused.getMessage()), null);
    }

    /**
     * Asks {@code aeTitle} to commit to every instance of the study and waits up to {@code wait} for its
     * report; the transaction as it then stands (reported, or still awaited). A request that does not reach
     * the AE, or that it refuses, is a RemoteArchiveException (the transaction stays, "not reported").
     */
    public CommitmentSummary commit(String aeTitle, String studyUid, Duration wait) {
        AeDto ae = remotes.remote(aeTitle);
        Commitment c = service.ask(ae.aeTitle(), studyUid);
        long id = c.getId();
        long deadline = System.nanoTime() + wait.toNanos();
        String where = ae.aeTitle() + " at " + RemoteArchiveService.host(ae) + ":" + ae.port();
        try (DicomConnection connection = dicom.getConnection();
             DicomClient client = connection.open(RemoteArchiveService.host(ae), ae.port(), ae.tls(), proposal(ae))) {
            Command rsp = client.nAction(UID.StorageCommitmentPushModel, UID.StorageCommitmentPushModelInstance,
                    CommitmentRequest.REQUEST_STORAGE_COMMITMENT, actionInformation(c)).command();
            if (rsp.status() != Status.SUCCESS) {
                String why = ae.aeTitle() + " refused the storage commitment request: " + Status.toString(rsp.status())
                        + (rsp.errorComment() == null ? "" : " (" + rsp.errorComment() + ")");
                service.requestFailed(id, why);
                throw new RemoteArchiveException(why, null);
            }
            LOG.info(() -> "storage commitment " + c.getTransactionUid() + " of " + c.getItems().size()
                    + " instances asked of " + ae.aeTitle());
            awaitOnTheAssociation(client, ae.aeTitle(), id, deadline);
            try {
                client.release();
            } catch (IOException e) {
                LOG.fine(() -> "release after the storage commitment request to " + where + ": " + e.getMessage());
            }
        } catch (IOException | jakarta.resource.ResourceException e) {
            if (service.awaiting(id)) {
                String why = "storage commitment request to " + where + " failed: " + e.getMessage();
                service.requestFailed(id, why);
                throw new RemoteArchiveException(why, e);
            }
        }
        // the report may have gone, or go, to the listener instead
        while (service.awaiting(id) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return service.summary(id);
    }

    /** Takes the remote AE's report on the request's association, if it comes there before the deadline. */
    private void awaitOnTheAssociation(DicomClient client, String aeTitle, long id, long deadline) throws IOException {
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            DicomClient.PeerRequest rq = left.isNegative() ? null
                    : client.awaitRequest(left, () -> !service.awaiting(id));
            if (rq == null) {
                return;
            }
            if (rq.command().commandField() != CommandField.N_EVENT_REPORT_RQ) {
                client.respond(rq, Status.UNRECOGNIZED_OPERATION, "only the N-EVENT-REPORT of Storage Commitment");
                continue;
            }
            CommitmentRequest.Invalid refused = take(rq.command(), rq.data(), aeTitle,
                    CommitmentReporter.SAME_ASSOCIATION);
            client.respond(rq, refused == null ? Status.SUCCESS : refused.status(),
                    refused == null ? null : refused.getMessage());
            if (refused == null) {
                return;
            }
        }
    }

    /** Records a report; null when taken, else why it is refused, with the status to answer. */
    private CommitmentRequest.Invalid take(Command rq, Attributes info, String fromAe, String how) {
        try {
            service.received(ReceivedReport.of(rq.eventTypeId(), rq.affectedSopInstanceUid(), info), fromAe, how);
            return null;
        } catch (CommitmentRequest.Invalid e) {
            LOG.info(() -> "storage commitment report of " + fromAe + " refused: " + e.getMessage());
            return e;
        }
    }

    private static AAssociateRQ proposal(AeDto ae) {
        AAssociateRQ rq = DicomClient.request(Settings.localAeTitle(), ae.aeTitle());
        rq.addPresentationContext(PresentationContext.rq(1, UID.StorageCommitmentPushModel,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid()));
        return rq;
    }

    /** The Action Information of Request Storage Commitment (PS3.4 J.3.2.1.1). */
    static Attributes actionInformation(Commitment c) {
        Attributes info = new Attributes();
        info.setString(Tag.TransactionUID, VR.UI, c.getTransactionUid());
        Sequence refs = info.newSequence(Tag.ReferencedSOPSequence);
        for (CommitmentItem item : c.getItems()) {
            Attributes ref = new Attributes(2);
            ref.setString(Tag.ReferencedSOPClassUID, VR.UI, item.getSopClassUid());
            ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, item.getSopInstanceUid());
            refs.add(ref);
        }
        return info;
    }
}
