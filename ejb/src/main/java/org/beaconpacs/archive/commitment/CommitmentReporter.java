package org.beaconpacs.archive.commitment;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.beaconpacs.archive.config.AeConfigService;
import org.beaconpacs.archive.config.AeDto;
import org.beaconpacs.archive.entity.commitment.Commitment;
import org.beaconpacs.archive.rar.api.DicomConnection;
import org.beaconpacs.archive.rar.api.DicomConnectionFactory;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.association.DataWriter;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.pdu.RoleSelection;
import org.beaconpacs.dicom.net.scp.Responder;
import org.beaconpacs.dicom.net.scu.DicomClient;

/**
 * Delivers a Storage Commitment N-EVENT-REPORT (PS3.4 J.3.3): on the request's association while it is
 * open (and the request recent), else on a new association to the requesting AE's configured host and
 * port, the archive proposing the SCP role by role selection (J.3.3.1.3) and calling with the AE title the
 * modality called. The N-EVENT-REPORT-RSP decides: Success delivered, another status refused (a modality
 * that refuses a report refuses it again: not retried), no answer or no association retried later.
 */
@ApplicationScoped
public class CommitmentReporter {

    private static final Logger LOG = Logger.getLogger(CommitmentReporter.class.getName());
    static final String SAME_ASSOCIATION = "SAME_ASSOCIATION";
    static final String NEW_ASSOCIATION = "NEW_ASSOCIATION";

    /** How a delivery went: delivered, refused (final), or failed (to be tried again). */
    record Delivery(String how, boolean delivered, boolean refused, String detail) {
    }

    @Inject
    private ReportChannels channels;
    @EJB
    private AeConfigService config;
    @Resource(lookup = DicomConnectionFactory.JNDI_NAME)
    private DicomConnectionFactory dicom;

    Delivery deliver(Commitment c, EventReport report, Instant now) {
        if (c.getAssociationSerial() != null
                && now.isBefore(c.getReceived().plus(CommitmentSettings.sameAssociation()))) {
            Optional<Responder> open = channels.open(c.getAssociationSerial());
            if (open.isPresent()) {
                try {
                    Responder r = open.get();
                    Command rsp = r.invoke(request(r.association().nextMessageId(), report),
                            DataWriter.of(report.information()));
                    return answered(SAME_ASSOCIATION, c, rsp);
                } catch (IOException e) {
                    LOG.info(() -> "report of " + c.getTransactionUid() + " on its request's association: "
                            + e.getMessage() + "; now on a new association");
                }
            }
        }
        Optional<AeDto> ae = config.find(c.getRequestingAe());
        if (ae.isEmpty() || ae.get().host() == null || ae.get().port() == null) {
            return new Delivery(NEW_ASSOCIATION, false, false, c.getRequestingAe()
                    + " is not configured with a host and port to send the report to");
        }
        AeDto to = ae.get();
        try (DicomConnection connection = dicom.getConnection();
             DicomClient client = connection.open(to.host(), to.port(), to.tls(), proposal(c))) {
            Command rsp = client.nEventReport(UID.StorageCommitmentPushModel, UID.StorageCommitmentPushModelInstance,
                    report.eventTypeId(), report.information()).command();
            try {
                client.release();
            } catch (IOException e) {
                LOG.fine(() -> "release after the report to " + to.aeTitle() + ": " + e.getMessage());
            }
            return answered(NEW_ASSOCIATION, c, rsp);
        } catch (IOException | jakarta.resource.ResourceException | RuntimeException e) {
            return new Delivery(NEW_ASSOCIATION, false, false, "cannot report to " + to.aeTitle() + " at "
                    + to.host() + ":" + to.port() + ": " + e.getMessage());
        }
    }

    /** The archive as association requestor in the SCP role of Storage Commitment, as the modality called it. */
    static AAssociateRQ proposal(Commitment c) {
        AAssociateRQ rq = DicomClient.request(c.getCalledAe(), c.getRequestingAe());
        rq.addPresentationContext(PresentationContext.rq(1, UID.StorageCommitmentPushModel,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid()));
        rq.addRoleSelection(new RoleSelection(UID.StorageCommitmentPushModel, false, true));
        return rq;
    }

    private static Command request(int messageId, EventReport report) {
        return Command.nEventReportRQ(messageId, UID.StorageCommitmentPushModel,
                UID.StorageCommitmentPushModelInstance, report.eventTypeId(), true);
    }

    private static Delivery answered(String how, Commitment c, Command rsp) {
        if (rsp.status() == Status.SUCCESS) {
            return new Delivery(how, true, false, null);
        }
        String why = c.getRequestingAe() + " answered the report with status " + Status.toString(rsp.status())
                + (rsp.errorComment() == null ? "" : " (" + rsp.errorComment() + ")");
        return new Delivery(how, false, true, why);
    }
}
