package org.beaconpacs.archive.storage;

import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Set;
import org.beaconpacs.archive.config.AePermission;
import org.beaconpacs.archive.dimse.Capability;
import org.beaconpacs.archive.dimse.DimseScp;
import org.beaconpacs.archive.dimse.TransferSyntaxPolicy;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.dicom.dict.UIDDictionary;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.scp.Responder;

/**
 * Storage SCP (PS3.4 Annex B): every Storage SOP Class in every transfer syntax (compressed ones kept as
 * received), for calling AEs that may store. A C-STORE becomes a call of the store path and its outcome a
 * status (B.2.3).
 */
@ApplicationScoped
public class StorageScp implements DimseScp {

    private static final Capability CAPABILITY = Capability.of("Storage", UIDDictionary.storageSopClasses(),
            Set.of(CommandField.C_STORE_RQ), TransferSyntaxPolicy.AS_RECEIVED, AePermission.STORE);

    @Inject
    private StorageService storage;

    @Override
    public Capability capability() {
        return CAPABILITY;
    }

    @Override
    public void onRequest(DimseRequest request, Responder responder) throws IOException {
        Command rq = request.message().command();
        var association = request.association();
        StoreOutcome outcome = storage.store(new StoreRequest(StoreContext.dimse(association.callingAeTitle(),
                association.calledAeTitle(), association.serial()), rq.affectedSopClassUid(),
                rq.affectedSopInstanceUid(), request.message().transferSyntax(), request.message().data()));
        if (outcome.isStored()) {
            responder.respond(Status.SUCCESS);
            return;
        }
        Command rsp = rq.response(status(outcome.result()), false);
        if (outcome.detail() != null) {
            rsp.setErrorComment(outcome.detail()); // cut to the 64 characters of LO by Command
        }
        if (outcome.offendingTag() != 0) {
            rsp.setOffendingElements(outcome.offendingTag());
        }
        responder.respond(rsp, null);
    }

    /** The C-STORE status of PS3.4 B.2.3 for an outcome other than success. */
    static int status(StoreOutcome.Result result) {
        return switch (result) {
            case STORED, ALREADY_STORED -> Status.SUCCESS;
            case DUPLICATE_DISCARDED -> Status.ELEMENTS_DISCARDED;
            case CANNOT_UNDERSTAND -> Status.CANNOT_UNDERSTAND;
            case DOES_NOT_MATCH -> Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS;
            case OUT_OF_RESOURCES -> Status.OUT_OF_RESOURCES;
            case STUDY_BEING_DELETED, PROCESSING_FAILURE -> Status.PROCESSING_FAILURE;
        };
    }
}
