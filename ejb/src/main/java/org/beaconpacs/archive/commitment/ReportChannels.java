package org.beaconpacs.archive.commitment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.beaconpacs.archive.dimse.AssociationEnded;
import org.beaconpacs.dicom.net.scp.Responder;

/**
 * The associations of this server on which a Storage Commitment request came, by serial, while they are
 * open: a report goes back on its request's association when the modality keeps it open (PS3.4 J.3.3).
 * Memory of this node only, on purpose: an association lives on one node, and without it the report
 * takes a new association from whichever node sends it.
 */
@ApplicationScoped
public class ReportChannels {

    private final Map<Long, Responder> open = new ConcurrentHashMap<>();

    /** Remembers the association of {@code responder}'s request, a Storage Commitment N-ACTION. */
    void register(long serial, Responder responder) {
        open.put(serial, responder);
    }

    /** The association {@code serial} if it is still open. */
    Optional<Responder> open(long serial) {
        Responder r = open.get(serial);
        if (r != null && !r.isAssociationOpen()) {
            open.remove(serial, r);
            return Optional.empty();
        }
        return Optional.ofNullable(r);
    }

    void ended(@Observes AssociationEnded ended) {
        if (ended.report().association() != null) {
            open.remove(ended.report().association().serial());
        }
    }
}
