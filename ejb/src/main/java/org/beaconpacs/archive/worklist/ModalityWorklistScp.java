package org.beaconpacs.archive.worklist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Logger;
import org.beaconpacs.archive.config.AePermission;
import org.beaconpacs.archive.dimse.Capability;
import org.beaconpacs.archive.dimse.DimseScp;
import org.beaconpacs.archive.dimse.TransferSyntaxPolicy;
import org.beaconpacs.archive.query.FindScp;
import org.beaconpacs.archive.query.Identifiers;
import org.beaconpacs.archive.query.Queried;
import org.beaconpacs.archive.query.QuerySettings;
import org.beaconpacs.archive.query.ResponseIdentifier;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.association.DataWriter;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.scp.Responder;

/**
 * Modality Worklist SCP (PS3.4 K.4.1.3, K.6.1): one pending answer per matching Scheduled Procedure Step,
 * 0xFF01 instead of 0xFF00 when the identifier has keys outside the model (K.4.1.3.1), then Success,
 * Cancel after a C-CANCEL, or 0xA700 beyond the maximum number of matches. Answers in the requestor's
 * character set where it can write them, else in UTF-8.
 */
@ApplicationScoped
public class ModalityWorklistScp implements DimseScp {

    private static final Logger LOG = Logger.getLogger(ModalityWorklistScp.class.getName());
    static final int PENDING_OPTIONAL_KEYS_NOT_SUPPORTED = 0xFF01;
    private static final Capability CAPABILITY = Capability.of("Modality Worklist",
            Set.of(UID.ModalityWorklistInformationModelFind), Set.of(CommandField.C_FIND_RQ),
            TransferSyntaxPolicy.NATIVE, AePermission.QUERY);

    @Inject
    private WorklistService worklist;
    @Inject
    private jakarta.enterprise.event.Event<Queried> queried;

    @Override
    public Capability capability() {
        return CAPABILITY;
    }

    @Override
    public void onRequest(DimseRequest request, Responder responder) throws IOException {
        Command rq = request.message().command();
        Attributes identifier = Identifiers.read(request.message().data(), request.message().transferSyntax());
        if (identifier == null || identifier.contains(Tag.QueryRetrieveLevel)) {
            responder.respond(rq.response(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, false).setErrorComment(
                    identifier == null ? "the C-FIND-RQ has no identifier"
                            : "a worklist query has no Query/Retrieve Level (0008,0052)"), null);
            return;
        }
        WorklistKeys.expandEmptyStep(identifier);
        WorklistQuery q = WorklistService.query(identifier);
        int pending = q.unsupportedKeys() ? PENDING_OPTIONAL_KEYS_NOT_SUPPORTED : Status.PENDING;
        String[] charset = identifier.getStrings(Tag.SpecificCharacterSet);
        int limit = QuerySettings.maxMatches();
        WorklistService.Ending ending = worklist.find(q, limit, match -> {
            Attributes answer = ResponseIdentifier.requested(identifier, match);
            String[] answerCharset = FindScp.answerCharset(charset, answer);
            if (answerCharset.length > 0) {
                answer.setString(Tag.SpecificCharacterSet, VR.CS, answerCharset);
            }
            responder.pending(rq.response(pending, true), DataWriter.of(answer));
            return !responder.isCancelled();
        });
        LOG.fine(() -> "worklist query of " + request.association().callingAeTitle() + ": " + ending);
        queried.fire(new Queried(request.association().callingAeTitle(), request.association().serial(),
                UID.ModalityWorklistInformationModelFind, null, identifier, null, request.association().peerHost()));
        switch (ending) {
            case COMPLETE -> responder.respond(Status.SUCCESS);
            case CANCELLED -> responder.respond(Status.CANCEL);
            case LIMIT_REACHED -> responder.respond(rq.response(Status.OUT_OF_RESOURCES, false).setErrorComment(
                    "more than " + limit + " matches (BEACON_QUERY_MAX_MATCHES): narrow the query"), null);
        }
    }
}
