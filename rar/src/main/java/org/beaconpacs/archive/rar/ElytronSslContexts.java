package org.beaconpacs.archive.rar;

import java.io.IOException;
import javax.net.ssl.SSLContext;
import org.jboss.as.server.CurrentServiceContainer;
import org.jboss.msc.service.ServiceContainer;
import org.jboss.msc.service.ServiceController;
import org.jboss.msc.service.ServiceName;

/**
 * Elytron's SSL contexts by name, as the server's own subsystems reach them: each {@code server-ssl-context}
 * and {@code client-ssl-context} is the service of capability {@code org.wildfly.security.ssl-context}. The
 * administrator configures key stores, trust, protocols, suites and client authentication there (README
 * "TLS"); the adapter only opens sockets from them.
 */
final class ElytronSslContexts {

    private static final String CAPABILITY = "org.wildfly.security.ssl-context";

    private ElytronSslContexts() {
    }

    /** Whether the adapter runs inside WildFly (outside, as in unit tests, there is no service container). */
    static boolean available() {
        try {
            return CurrentServiceContainer.getServiceContainer() != null;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** The context named; an IOException saying why when it is not there or did not start. */
    static SSLContext named(String name) throws IOException {
        ServiceContainer container = CurrentServiceContainer.getServiceContainer();
        ServiceController<?> service = container.getService(ServiceName.parse(CAPABILITY + "." + name));
        if (service == null) {
            throw new IOException("Elytron has no ssl-context named " + name);
        }
        if (service.getState() != ServiceController.State.UP) {
            Throwable why = service.getStartException();
            throw new IOException("Elytron's ssl-context " + name + " is " + service.getState()
                    + (why != null ? ": " + why.getMessage() : ""));
        }
        return (SSLContext) service.getValue();
    }
}
