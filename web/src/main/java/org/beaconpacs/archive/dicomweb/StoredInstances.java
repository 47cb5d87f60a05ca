package org.beaconpacs.archive.dicomweb;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import org.beaconpacs.archive.retrieve.RetrieveService;
import org.beaconpacs.archive.retrieve.StoredInstance;

/** The stored instances a WADO path names (study, series, instance), in series and instance order. */
final class StoredInstances {

    private StoredInstances() {
    }

    /** The instances, never none: a 404 names what was not found. A null {@code series} means the study. */
    static List<StoredInstance> find(RetrieveService retrieve, String study, String series, String instance) {
        List<StoredInstance> found;
        try {
            found = retrieve.instances(study, series, instance);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(e.getMessage());
        } catch (EJBException e) {
            if (e.getCause() instanceof IllegalArgumentException i) {
                throw new InvalidParameterException(i.getMessage());
            }
            throw e;
        }
        if (found.isEmpty()) {
            throw new NotFoundException("no such " + (instance != null ? "instance" : series != null ? "series"
                    : "study"));
        }
        return found;
    }
}
