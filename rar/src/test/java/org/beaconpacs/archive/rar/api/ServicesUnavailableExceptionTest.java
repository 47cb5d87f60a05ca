package org.beaconpacs.archive.rar.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ContextNotActiveException;
import org.junit.jupiter.api.Test;

/** A failure because the archive is stopping is told from the others, however deep in the chain. */
class ServicesUnavailableExceptionTest {

    @Test
    void theArchiveStoppingIsToldFromOtherFailures() {
        assertTrue(ServicesUnavailableException.isCause(new EJBException(
                new org.jboss.as.ee.component.ComponentIsStoppedException())));
        assertTrue(ServicesUnavailableException.isCause(new org.jboss.as.ejb3.component
                .EJBComponentUnavailableException()));
        assertTrue(ServicesUnavailableException.isCause(new IllegalStateException(
                new ContextNotActiveException("gone"))));
        assertTrue(ServicesUnavailableException.isCause(new EJBException(
                new ServicesUnavailableException("stopping", null))));
        assertFalse(ServicesUnavailableException.isCause(new EJBException(new IllegalStateException("a failure"))));
        assertFalse(ServicesUnavailableException.isCause(null));
    }
}
