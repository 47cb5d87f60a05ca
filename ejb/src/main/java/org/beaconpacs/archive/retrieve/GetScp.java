package org.beaconpacs.archive.retrieve;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.beaconpacs.archive.config.AePermission;
import org.beaconpacs.archive.dimse.Capability;
import org.beaconpacs.archive.dimse.DimseScp;
import org.beaconpacs.archive.dimse.TransferSyntaxPolicy;
import org.beaconpacs.archive.image.Decompressors;
import org.beaconpacs.archive.query.QueryRetrieveModel;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.dicom.dict.UIDDictionary;
import org.beaconpacs.dicom.net.association.Association;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.pdu.RoleSelection;
import org.beaconpacs.dicom.net.scp.Responder;

/**
 * Query/Retrieve C-GET SCP (PS3.4 C.4.3): the instances the identifier names come back as C-STORE
 * sub-operations on the requestor's own association, for the storage SOP classes for which it took the
 * SCP role by role selection (PS3.7 D.3.3.4). An instance of a class it took no SCP role for fails,
 * counted and listed; the reason is in the final response's error comment.
 */
@ApplicationScoped
public class GetScp implements DimseScp {

    private static final Capability CAPABILITY = new Capability("Query/Retrieve (GET)",
            Arrays.stream(QueryRetrieveModel.values()).map(QueryRetrieveModel::getSopClass)
                    .collect(Collectors.toUnmodifiableSet()),
            Set.of(CommandField.C_GET_RQ), UIDDictionary.storageSopClasses(), TransferSyntaxPolicy.NATIVE,
            AePermission.RETRIEVE, false);

    @EJB
    private RetrieveService retrieve;
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
        List<StoredInstance> instances = retrieve.instances(q);
        Set<String> scpRole = scpRole(responder.association());
        if (!instances.isEmpty()) {
            started.fire(new RetrieveStarted(request.association().callingAeTitle(),
                    request.association().callingAeTitle(), request.association().peerHost(),
                    Retrieved.studies(instances), Retrieved.Transfer.C_GET));
        }
        SubOperations subOperations = new SubOperations(instances.size(), Retrieval.progress(responder),
                RetrieveSettings.pendingIntervalMillis());
        subOperations.send(instances, file -> {
            if (!scpRole.contains(file.sopClass())) {
                throw new IOException("the requestor took no SCP role for " + file.sopClass());
            }
            return responder.store(file, Decompressors.INSTANCE);
        });
        SubOperations.Counts counts = subOperations.counts();
        String comment = null;
        if (counts.failed() > 0) {
            List<String> without = instances.stream().map(StoredInstance::sopClass).distinct()
                    .filter(c -> !scpRole.contains(c)).toList();
            comment = without.isEmpty() ? counts.failed() + " of " + instances.size() + " sub-operations failed"
                    : "no SCP role selected for " + String.join(", ", without) + " (PS3.7 D.3.3.4)";
        }
        Retrieval.finish(responder, counts, comment);
        retrieved.fire(new Retrieved(request.association().callingAeTitle(), request.association().serial(),
                request.association().callingAeTitle(), q.level(), counts.completed(), counts.failed(),
                counts.warning(), counts.status(), request.association().peerHost(), Retrieved.studies(instances),
                Retrieved.Transfer.C_GET));
    }

    /** The SOP classes for which the requestor accepted to be the SCP on this association. */
    private static Set<String> scpRole(Association association) {
        return association.associateAccept().roleSelections().stream().filter(RoleSelection::scp)
                .map(RoleSelection::sopClass).collect(Collectors.toSet());
    }
}
