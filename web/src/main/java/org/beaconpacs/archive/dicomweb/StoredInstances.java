package org.beaconpacs.archive.dicomweb;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import org.beaconpacs.archive.index.Level;
import org.beaconpacs.archive.retrieve.Retrieved;
import org.beaconpacs.archive.retrieve.RetrieveService;
import org.beaconpacs.archive.retrieve.StoredInstance;

/**
 * The stored instances a WADO path names (study, series, instance), in series and instance order; each
 * lookup is a retrieve by the caller, told to the observers (audit) as {@link Retrieved} of kind WADO.
 */
@ApplicationScoped
public class StoredInstances {

    @EJB
    private RetrieveService retrieve;
    @Inject
    private Event<Retrieved> retrieved;
    @Inject
    private HttpServletRequest request;

    /** The instances, never none: a 404 names what was not found. A null {@code series} means the study. */
    List<StoredInstance> find(String study, String series, String instance) {
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
        String user = request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
        retrieved.fire(new Retrieved(user, null, user, instance != null ? Level.INSTANCE
                : series != null ? Level.SERIES : Level.STUDY, found.size(), 0, 0, 0, request.getRemoteAddr(),
                Retrieved.studies(found), Retrieved.Transfer.WADO));
        return found;
    }
}
