package org.beaconpacs.archive.retrieve;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.beaconpacs.archive.config.AeConfigService;
import org.beaconpacs.archive.config.AeDto;
import org.beaconpacs.archive.config.AePermission;
import org.beaconpacs.archive.dimse.Capability;
import org.beaconpacs.archive.dimse.DimseScp;
import org.beaconpacs.archive.dimse.TransferSyntaxPolicy;
import org.beaconpacs.archive.query.QueryRetrieveModel;
import org.beaconpacs.archive.rar.api.DicomConnection;
import org.beaconpacs.archive.rar.api.DicomConnectionFactory;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scp.Responder;
import org.beaconpacs.dicom.net.scu.DicomClient;

/**
 * Query/Retrieve C-MOVE SCP (PS3.4 C.4.2): the instances the identifier names go to the Move Destination,
 * a configured AE that may receive them (moveDestination), as C-STORE sub-operations on an association
 * the archive opens through the resource adapter, each carrying the Move Originator's AE title and
 * Message ID. Each SOP class is proposed in its stored transfer syntax and in Explicit and Implicit VR
 * Little Endian; an uncompressed object goes in whichever the destination accepted.
 */
@ApplicationScoped
public class MoveScp implements DimseScp {

    private static final Logger LOG = Logger.getLogger(MoveScp.class.getName());
    private static final Capability CAPABILITY = Capability.of("Query/Retrieve (MOVE)",
            Arrays.stream(QueryRetrieveModel.values()).map(QueryRetrieveModel::moveSopClass)
                    .collect(Collectors.toUnmodifiableSet()),
            Set.of(CommandField.C_MOVE_RQ), TransferSyntaxPolicy.NATIVE, AePermission.RETRIEVE);
    /** PS3.8: presentation context IDs are the odd numbers 1 to 255. */
    private static final int MAX_CONTEXTS = 128;
    private static final List<String> UNCOMPRESSED = List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
            TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());

    @EJB
    private RetrieveService retrieve;
    @EJB
    private AeConfigService config;
    @Resource(lookup = DicomConnectionFactory.JNDI_NAME)
    private DicomConnectionFactory dicom;
    @Inject
    private Event<Retrieved> retrieved;

    @Override
    public Capability capability() {
        return CAPABILITY;
    }

    @Override
    public void onRequest(DimseRequest request, Responder responder) throws IOException {
        RetrieveQuery q = Retrieval.query(request, responder);
        if (q == null) {
            return;
        }
        Command rq = request.message().command();
        String destination = rq.moveDestination() == null ? "" : rq.moveDestination().strip();
        Optional<AeDto> ae = config.find(destination).filter(a -> !a.local() && Boolean.TRUE.equals(a.moveDestination())
                && a.host() != null && a.port() != null);
        if (ae.isEmpty()) {
            responder.respond(rq.response(Status.MOVE_DESTINATION_UNKNOWN, false).setErrorComment("move destination "
                    + destination + " is no configured AE that may receive (moveDestination)"), null);
            return;
        }
        List<StoredInstance> instances = retrieve.instances(q);
        String caller = request.association().callingAeTitle();
        if (instances.isEmpty()) { // nothing matches: no association to open
            Retrieval.finish(responder, new SubOperations.Counts(0, 0, 0, 0, List.of(), false), null);
            return;
        }
        SubOperations.Counts counts;
        String comment = null;
        try (DicomConnection connection = dicom.getConnection();
             DicomClient client = connection.open(ae.get().host(), ae.get().port(), ae.get().tls(),
                     proposal(request.association().calledAeTitle(), destination, instances))) {
            counts = SubOperations.run(instances, file -> client.store(file, caller, rq.messageId()),
                    Retrieval.progress(responder), RetrieveSettings.pendingIntervalMillis());
            try {
                client.release();
            } catch (IOException e) {
                LOG.fine(() -> "release of the association to " + destination + ": " + e.getMessage());
            }
        } catch (IOException | jakarta.resource.ResourceException e) {
            LOG.info(() -> "C-MOVE to " + destination + ": cannot associate: " + e.getMessage());
            counts = new SubOperations.Counts(0, 0, instances.size(), 0,
                    instances.stream().map(StoredInstance::sopInstance).toList(), false);
            comment = "cannot associate with " + destination + " at " + ae.get().host() + ":" + ae.get().port()
                    + ": " + e.getMessage();
        }
        if (comment == null && counts.failed() > 0) {
            comment = counts.failed() + " of " + instances.size() + " sub-operations failed";
        }
        Retrieval.finish(responder, counts, comment);
        retrieved.fire(new Retrieved(caller, request.association().serial(), destination, q.level(),
                counts.completed(), counts.failed(), counts.warning(), counts.status()));
    }

    /**
     * The A-ASSOCIATE-RQ to the destination: per SOP class, a context in each stored compressed syntax and
     * one in Explicit and Implicit VR Little Endian.
     */
    static AAssociateRQ proposal(String callingAe, String calledAe, List<StoredInstance> instances) {
        AAssociateRQ rq = DicomClient.request(callingAe, calledAe);
        Map<String, Set<String>> syntaxes = new LinkedHashMap<>();
        for (StoredInstance i : instances) {
            syntaxes.computeIfAbsent(i.sopClass(), k -> new LinkedHashSet<>()).add(i.transferSyntax());
        }
        int id = 1;
        for (var e : syntaxes.entrySet()) {
            for (String ts : e.getValue()) {
                if (!UNCOMPRESSED.contains(ts) && id < 2 * MAX_CONTEXTS) {
                    rq.addPresentationContext(PresentationContext.rq(id, e.getKey(), ts));
                    id += 2;
                }
            }
            if (id < 2 * MAX_CONTEXTS) {
                rq.addPresentationContext(PresentationContext.rq(id, e.getKey(), UNCOMPRESSED.toArray(String[]::new)));
                id += 2;
            }
        }
        return rq;
    }
}
