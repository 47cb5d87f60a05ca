package org.beaconpacs.archive.mpps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Logger;
import org.beaconpacs.archive.config.AePermission;
import org.beaconpacs.archive.dimse.Capability;
import org.beaconpacs.archive.dimse.DimseScp;
import org.beaconpacs.archive.dimse.TransferSyntaxPolicy;
import org.beaconpacs.archive.query.Identifiers;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.scp.Responder;

/**
 * Modality Performed Procedure Step SCP (PS3.4 F.7): N-CREATE and N-SET in, {@link MppsService} decides,
 * the refusal's status, error comment, Error ID and Attribute Identifier List out.
 */
@ApplicationScoped
public class MppsScp implements DimseScp {

    private static final Logger LOG = Logger.getLogger(MppsScp.class.getName());
    private static final Capability CAPABILITY = Capability.of("Modality Performed Procedure Step",
            Set.of(UID.ModalityPerformedProcedureStep), Set.of(CommandField.N_CREATE_RQ, CommandField.N_SET_RQ),
            TransferSyntaxPolicy.NATIVE, AePermission.STORE);

    @Inject
    private MppsService mpps;

    @Override
    public Capability capability() {
        return CAPABILITY;
    }

    @Override
    public void onRequest(DimseRequest request, Responder responder) throws IOException {
        Command rq = request.message().command();
        Attributes data = Identifiers.read(request.message().data(), request.message().transferSyntax());
        String performer = request.association().callingAeTitle();
        try {
            if (rq.commandField() == CommandField.N_CREATE_RQ) {
                String uid = mpps.create(rq.affectedSopInstanceUid(), data == null ? new Attributes() : data,
                        performer);
                responder.respond(rq.response(Status.SUCCESS, false).setAffectedSopInstanceUid(uid), null);
            } else {
                mpps.set(rq.requestedSopInstanceUid(), data == null ? new Attributes() : data, performer);
                responder.respond(Status.SUCCESS);
            }
        } catch (MppsRefused e) {
            LOG.info(() -> CommandField.name(rq.commandField()) + " of " + performer + " refused: " + e.getMessage());
            Command rsp = rq.response(e.status(), false).setErrorComment(e.getMessage());
            if (e.tags().length > 0) {
                rsp.setAttributeIdentifierList(e.tags());
            }
            if (e.errorId() != null) {
                rsp.setErrorId(e.errorId());
            }
            responder.respond(rsp, null);
        }
    }
}
