package org.beaconpacs.archive.retrieve;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.beaconpacs.archive.config.AeConfigService;
import org.beaconpacs.archive.config.AeDto;
import org.beaconpacs.archive.config.AePermission;
import org.beaconpacs.archive.dimse.Capability;
import org.beaconpacs.archive.dimse.DimseScp;
import org.beaconpacs.archive.dimse.TransferSyntaxPolicy;
import org.beaconpacs.archive.query.QueryRetrieveModel;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.scp.Responder;

/**
 * Query/Retrieve C-MOVE SCP (PS3.4 C.4.2): the instances the identifier names go to the Move Destination,
 * a configured AE that may receive them (moveDestination), as C-STORE sub-operations on associations the
 * archive opens ({@link DestinationSender}), each carrying the Move Originator's AE title and Message ID.
 */
@ApplicationScoped
public class MoveScp implements DimseScp {

    private static final Capability CAPABILITY = Capability.of("Query/Retrieve (MOVE)",
            Arrays.stream(QueryRetrieveModel.values()).map(QueryRetrieveModel::moveSopClass)
                    .collect(Collectors.toUnmodifiableSet()),
            Set.of(CommandField.C_MOVE_RQ), TransferSyntaxPolicy.NATIVE, AePermission.RETRIEVE);

    @EJB
    private RetrieveService retrieve;
    @EJB
    private AeConfigService config;
    @Inject
    private DestinationSender sender;
    @Inject
    private Event<Retrieved> retrieved;
    @Inject
    private Event<RetrieveStarted> started;

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
            Retrieval.finish(responder, SubOperations.Counts.NONE, null);
            return;
        }
        started.fire(new RetrieveStarted(caller, destination, request.association().peerHost(),
                Retrieved.studies(instances), Retrieved.Transfer.C_MOVE));
        DestinationSender.Outcome outcome = sender.send(ae.get(), request.association().calledAeTitle(), instances,
                RetrieveSettings.moveAssociations(), Retrieval.progress(responder),
                RetrieveSettings.pendingIntervalMillis(), caller, rq.messageId());
        SubOperations.Counts counts = outcome.counts();
        String comment = outcome.problem() != null ? outcome.problem()
                : counts.failed() > 0 ? counts.failed() + " of " + instances.size() + " sub-operations failed" : null;
        Retrieval.finish(responder, counts, comment);
        retrieved.fire(new Retrieved(caller, request.association().serial(), destination, q.level(),
                counts.completed(), counts.failed(), counts.warning(), counts.status(),
                request.association().peerHost(), Retrieved.studies(instances), Retrieved.Transfer.C_MOVE));
    }
}
