package org.beaconpacs.archive.activity;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.beaconpacs.archive.storage.DuplicateDiscarded;
import org.beaconpacs.archive.storage.InstanceStored;

/**
 * The notes stores leave on their association (patient data that differ from the stored ones, a duplicate
 * the first of which is kept), for the administrator who opens it. A plain CDI observer: most stored
 * objects have nothing to note, and those cost no transaction.
 */
@ApplicationScoped
public class AssociationNotes {

    @EJB
    private ActivityService activity;

    void stored(@Observes InstanceStored event) {
        Long serial = event.context().association();
        if (serial != null) {
            event.notes().forEach(text -> activity.note(serial, text));
        }
    }

    void discarded(@Observes DuplicateDiscarded event) {
        Long serial = event.context().association();
        if (serial != null) {
            activity.note(serial, "SOP instance " + event.sopInstanceUid() + " arrived again with other content: "
                    + "the first is kept");
        }
    }
}
