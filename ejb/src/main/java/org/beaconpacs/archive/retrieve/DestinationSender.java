package org.beaconpacs.archive.retrieve;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.config.AeDto;
import org.beaconpacs.archive.image.Decompressors;
import org.beaconpacs.archive.rar.api.DicomConnection;
import org.beaconpacs.archive.rar.api.DicomConnectionFactory;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;

/**
 * Sends stored instances to a remote AE as C-STOREs, on associations the archive opens through the
 * resource adapter: the sub-operations of a C-MOVE, and an administrator's export. Each SOP class is
 * proposed in its stored transfer syntaxes and in Explicit and Implicit VR Little Endian; an object goes as
 * stored where its syntax was accepted, else converted or decoded ({@link Decompressors}). With more than
 * one association the objects are dealt out in turn, the further associations on WildFly's managed executor.
 */
@ApplicationScoped
public class DestinationSender {

    private static final Logger LOG = Logger.getLogger(DestinationSender.class.getName());
    /** PS3.8: presentation context IDs are the odd numbers 1 to 255. */
    private static final int MAX_CONTEXTS = 128;
    private static final List<String> UNCOMPRESSED = List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
            TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());

    @Resource(lookup = DicomConnectionFactory.JNDI_NAME)
    private DicomConnectionFactory dicom;
    @Resource
    private ManagedExecutorService executor;

    /** How a send ended: the counts, and why a part could not be sent at all (null if every part was). */
    public record Outcome(SubOperations.Counts counts, String problem) {
    }

    /**
     * Sends {@code instances} to {@code ae} as {@code callingAe} on {@code associations} associations; with a
     * Move Originator (null for none) in every C-STORE-RQ.
     */
    Outcome send(AeDto ae, String callingAe, List<StoredInstance> instances, int associations,
                 SubOperations.Progress progress, long pendingMillis, String originator, int originatorMessageId) {
        int parallel = Math.max(1, Math.min(associations, instances.size()));
        List<List<StoredInstance>> parts = new ArrayList<>();
        for (int p = 0; p < parallel; p++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < instances.size(); i++) {
            parts.get(i % parallel).add(instances.get(i));
        }
        SubOperations subOperations = new SubOperations(instances.size(), progress, pendingMillis);
        AtomicReference<String> problem = new AtomicReference<>();
        List<Future<?>> others = new ArrayList<>();
        for (List<StoredInstance> part : parts.subList(1, parts.size())) {
            others.add(executor.submit(() -> sendPart(ae, callingAe, part, originator, originatorMessageId,
                    subOperations, problem)));
        }
        sendPart(ae, callingAe, parts.get(0), originator, originatorMessageId, subOperations, problem);
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "a part of the send to " + ae.aeTitle() + " failed", e.getCause());
            }
        }
        return new Outcome(subOperations.counts(), problem.get());
    }

    /** Sends one part on an association of its own; a failure to open it fails the part. */
    private void sendPart(AeDto ae, String callingAe, List<StoredInstance> part, String originator, int messageId,
                          SubOperations subOperations, AtomicReference<String> problem) {
        try (DicomConnection connection = dicom.getConnection();
             DicomClient client = connection.open(ae.host(), ae.port(), ae.tls(),
                     proposal(callingAe, ae.aeTitle(), part))) {
            client.decompressor(Decompressors.INSTANCE);
            subOperations.send(part, file -> client.store(file, originator, messageId));
            try {
                client.release();
            } catch (IOException e) {
                LOG.fine(() -> "release of the association to " + ae.aeTitle() + ": " + e.getMessage());
            }
        } catch (IOException | jakarta.resource.ResourceException | RuntimeException e) {
            String why = "cannot associate with " + ae.aeTitle() + " at " + ae.host() + ":" + ae.port() + ": "
                    + e.getMessage();
            problem.set(why);
            subOperations.fail(part, why);
        }
    }

    /** Per SOP class, a context in each stored compressed syntax and one in Explicit and Implicit VR LE. */
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
