package org.beaconpacs.archive.dimse;

import jakarta.enterprise.context.ContextNotActiveException;

/**
 * Tells a failure because the archive's own components are stopping (an undeploy under way) from any
 * other. WildFly stops the services' components without waiting for the requests the MDB is answering;
 * such a request is not to be answered with a failure, but its association aborted (the sender then tries
 * again), as the adapter does for a request that finds no endpoint.
 */
public final class ServicesStopping {

    /** WildFly's exception for an invocation of a component that has stopped (WFLYEE0043). */
    private static final String COMPONENT_IS_STOPPED = "org.jboss.as.ee.component.ComponentIsStoppedException";

    private ServicesStopping() {
    }

    /**
     * True when {@code t} or one of its causes says a component of the archive has stopped, or its CDI
     * contexts have ended.
     */
    public static boolean isCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getClass().getName().equals(COMPONENT_IS_STOPPED) || c instanceof ContextNotActiveException) {
                return true;
            }
        }
        return false;
    }
}
