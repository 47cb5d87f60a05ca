package org.beaconpacs.archive.rar.api;

import jakarta.ejb.ApplicationException;
import jakarta.enterprise.context.ContextNotActiveException;
import java.util.Set;

/**
 * What the endpoint throws for a request its services can no longer answer because they are stopping (an
 * undeploy): the adapter then aborts the association instead of answering with a failure, so that the
 * sender sends the request again once the archive is back. An application exception: it passes through the
 * container as it is, not logged as a failure of the endpoint.
 */
@ApplicationException
public class ServicesUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * WildFly's exceptions for an invocation of a component that is stopping or has stopped: it stops the
     * archive's components (the MDB among them) without waiting for the requests they are answering.
     */
    private static final Set<String> CONTAINER_STOPPING = Set.of(
            "org.jboss.as.ee.component.ComponentIsStoppedException", // WFLYEE0043
            "org.jboss.as.ejb3.component.EJBComponentUnavailableException"); // WFLYEJB0421

    public ServicesUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * True when {@code t} or one of its causes says that the archive's services are stopping: this
     * exception, the container's word that a component is stopping or stopped, or an ended CDI context.
     */
    public static boolean isCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ServicesUnavailableException || c instanceof ContextNotActiveException
                    || CONTAINER_STOPPING.contains(c.getClass().getName())) {
                return true;
            }
        }
        return false;
    }
}
