package org.beaconpacs.archive.print;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.dimse.AssociationEnded;

/**
 * The print state of the open associations of this server, by serial: in memory on purpose (a film
 * session lives and dies with its association, PS3.4 H.4.1.2.1), its images spooled to disk. When an
 * association ends in any way (released, aborted, lost), its state and spool files go.
 */
@ApplicationScoped
public class PrintSessions {

    private static final Logger LOG = Logger.getLogger(PrintSessions.class.getName());

    private final Map<Long, PrintAssociation> open = new ConcurrentHashMap<>();

    PrintAssociation get(long serial) {
        return open.get(serial);
    }

    void put(PrintAssociation association) {
        open.put(association.serial, association);
    }

    /** The open association that made print job {@code jobUid}, if it is still open. */
    Long madeJob(String jobUid) {
        return open.values().stream().filter(a -> a.jobs.contains(jobUid)).map(a -> a.serial).findFirst()
                .orElse(null);
    }

    /** The open associations printing on the printer of local AE {@code aeTitle}. */
    java.util.List<Long> printingOn(String aeTitle) {
        return open.values().stream().filter(a -> a.printer.aeTitle().equals(aeTitle)).map(a -> a.serial).toList();
    }

    /** How many associations hold print state now (the console's and the tests' view of leaks). */
    public int open() {
        return open.size();
    }

    void ended(@Observes AssociationEnded ended) {
        if (ended.report().association() == null) {
            return;
        }
        PrintAssociation gone = open.remove(ended.report().association().serial());
        if (gone != null) {
            try {
                gone.discardAll();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not delete the print spool " + gone.spool, e);
            }
        }
    }
}
