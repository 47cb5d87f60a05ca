package org.beaconpacs.archive.dimse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ContextNotActiveException;
import org.junit.jupiter.api.Test;

/** A failure because the archive is stopping is told from the others, however deep in the chain. */
class ServicesStoppingTest {

    @Test
    void aStoppedComponentOrAnEndedContextIsTheArchiveStopping() {
        assertTrue(ServicesStopping.isCause(new EJBException(new org.jboss.as.ee.component
                .ComponentIsStoppedException())));
        assertTrue(ServicesStopping.isCause(new IllegalStateException(new ContextNotActiveException("gone"))));
        assertFalse(ServicesStopping.isCause(new EJBException(new IllegalStateException("a real failure"))));
        assertFalse(ServicesStopping.isCause(null));
    }
}
