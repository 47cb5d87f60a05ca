package org.beaconpacs.archive.retrieve;

import java.io.IOException;
import java.util.logging.Logger;
import org.beaconpacs.archive.query.Identifiers;
import org.beaconpacs.archive.query.InvalidQueryException;
import org.beaconpacs.archive.query.QueryRetrieveModel;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.net.association.DataWriter;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.scp.Responder;

/** What the C-MOVE and C-GET SCPs do alike: read the identifier, report progress, answer the counts. */
final class Retrieval {

    private static final Logger LOG = Logger.getLogger(Retrieval.class.getName());

    private Retrieval() {
    }

    /** The checked identifier, or null once a failure has been answered. */
    static RetrieveQuery query(DimseRequest request, Responder responder) throws IOException {
        Command rq = request.message().command();
        Attributes identifier = Identifiers.read(request.message().data(), request.message().transferSyntax());
        if (identifier == null) {
            responder.respond(rq.response(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, false)
                    .setErrorComment("the request has no identifier"), null);
            return null;
        }
        try {
            return RetrieveQuery.of(QueryRetrieveModel.of(request.message().abstractSyntax()), identifier);
        } catch (InvalidQueryException e) {
            LOG.info(() -> rq + " from " + request.association().callingAeTitle() + " refused: " + e.getMessage());
            responder.respond(rq.response(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, false)
                    .setErrorComment(e.getMessage()).setOffendingElements(e.offendingTag()), null);
            return null;
        }
    }

    /** Pending responses with the counts (PS3.4 C.4.2.1.5), and the requestor's C-CANCEL. */
    static SubOperations.Progress progress(Responder responder) {
        Command rq = responder.request();
        return new SubOperations.Progress() {
            @Override
            public void pending(int remaining, int completed, int failed, int warning) throws IOException {
                responder.pending(rq.response(Status.PENDING, false).setSubOperations(remaining, completed, failed,
                        warning), null);
            }

            @Override
            public boolean cancelled() {
                return responder.isCancelled();
            }
        };
    }

    /** The final response: status and counts, and the Failed SOP Instance UID List where there are failures. */
    static void finish(Responder responder, SubOperations.Counts c, String comment) throws IOException {
        Attributes identifier = c.identifier();
        Command rsp = responder.request().response(c.status(), identifier != null)
                .setSubOperations(c.remaining(), c.completed(), c.failed(), c.warning());
        if (c.status() != Status.CANCEL) {
            // PS3.7 9.3.4.2: the remaining count belongs to pending and cancelled responses
            rsp.attributes().remove(org.beaconpacs.dicom.dict.Tag.NumberOfRemainingSuboperations);
        }
        if (comment != null && c.status() != Status.SUCCESS) {
            rsp.setErrorComment(comment);
        }
        responder.respond(rsp, identifier == null ? null : DataWriter.of(identifier));
    }
}
