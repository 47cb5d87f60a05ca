package org.beaconpacs.archive.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Logger;
import org.beaconpacs.archive.config.AePermission;
import org.beaconpacs.archive.dimse.Capability;
import org.beaconpacs.archive.dimse.DimseScp;
import org.beaconpacs.archive.dimse.TransferSyntaxPolicy;
import org.beaconpacs.archive.rar.api.AssociationInfo;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.dicom.charset.SpecificCharacterSet;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.net.association.DataWriter;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.scp.Responder;

/**
 * Query/Retrieve C-FIND SCP (PS3.4 C.4.1) for the Patient Root, Study Root and Patient/Study Only
 * models: the identifier in, one pending response per match as it is found, then Success, Cancel
 * (0xFE00, after a C-CANCEL), or 0xA700 beyond the maximum number of matches. Relational queries and
 * combined date-time matching are offered by extended negotiation (C.5.1.1) and used only when agreed.
 */
@ApplicationScoped
public class FindScp implements DimseScp {

    private static final Logger LOG = Logger.getLogger(FindScp.class.getName());
    /** Extended negotiation (PS3.4 C.5.1.1): relational queries, combined date and time range matching. */
    static final int RELATIONAL = 0;
    static final int COMBINED_DATE_TIME = 1;

    private static final Capability CAPABILITY = Capability.of("Query/Retrieve (FIND)",
            QueryRetrieveModel.findSopClasses(), Set.of(CommandField.C_FIND_RQ), TransferSyntaxPolicy.NATIVE,
            AePermission.QUERY).withExtendedNegotiation((byte) 1, (byte) 1);
    private static final String UTF_8 = "ISO_IR 192";

    @Inject
    private QueryService queries;

    @Override
    public Capability capability() {
        return CAPABILITY;
    }

    @Override
    public void onRequest(DimseRequest request, Responder responder) throws IOException {
        Command rq = request.message().command();
        AssociationInfo association = request.association();
        String sopClass = request.message().abstractSyntax();
        Attributes identifier = Identifiers.read(request.message().data(), request.message().transferSyntax());
        if (identifier == null) {
            responder.respond(rq.response(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, false)
                    .setErrorComment("the C-FIND-RQ has no identifier"), null);
            return;
        }
        FindQuery q;
        try {
            q = FindQuery.of(QueryRetrieveModel.of(sopClass), identifier, association.agreed(sopClass, RELATIONAL),
                    new AttributeMatching.Options(QuerySettings.fuzzyPersonNames(),
                            association.agreed(sopClass, COMBINED_DATE_TIME)));
        } catch (InvalidQueryException e) {
            LOG.info(() -> "C-FIND from " + association.callingAeTitle() + " refused: " + e.getMessage());
            responder.respond(rq.response(e.kind() == InvalidQueryException.Kind.IDENTIFIER
                    ? Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS : Status.UNABLE_TO_PROCESS, false)
                    .setErrorComment(e.getMessage()).setOffendingElements(e.offendingTag()), null);
            return;
        }
        String[] charset = identifier.getStrings(Tag.SpecificCharacterSet);
        FindResult result = queries.find(q, new QueryContext(association.callingAeTitle(), association.serial(),
                association.calledAeTitle(), association.peerHost()), match -> {
                    String[] answerCharset = answerCharset(charset, match);
                    if (answerCharset.length > 0) {
                        match.setString(Tag.SpecificCharacterSet, VR.CS, answerCharset);
                    }
                    responder.pending(rq.response(Status.PENDING, true), DataWriter.of(match));
                    return !responder.isCancelled();
                });
        switch (result.ending()) {
            case COMPLETE -> responder.respond(Status.SUCCESS);
            case CANCELLED -> responder.respond(Status.CANCEL);
            case LIMIT_REACHED -> responder.respond(rq.response(Status.OUT_OF_RESOURCES, false).setErrorComment(
                    "more than " + result.limit() + " matches (BEACON_QUERY_MAX_MATCHES): narrow the query"), null);
        }
    }

    /**
     * The requestor's character set where it can write every text of the answer (PS3.4 C.4.1.1.3.2), else
     * UTF-8: a name stored in GB18030 or ISO 2022 comes back readable either way.
     */
    public static String[] answerCharset(String[] requested, Attributes answer) {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf(requested);
        return encodable(cs, answer) ? (requested == null ? new String[0] : requested) : new String[] {UTF_8};
    }

    private static boolean encodable(SpecificCharacterSet cs, Attributes attrs) {
        for (int i = 0; i < attrs.size(); i++) {
            VR vr = attrs.vrAt(i);
            if (attrs.valueAt(i) instanceof Sequence seq) {
                for (Attributes item : seq) {
                    if (!encodable(cs, item)) {
                        return false;
                    }
                }
            } else if (vr.usesSpecificCharacterSet() && attrs.valueAt(i) instanceof String[] values) {
                for (String v : values) {
                    if (!cs.canEncode(v, vr == VR.PN)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
