package org.beaconpacs.archive.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.beaconpacs.archive.config.NetworkConfigurator;
import org.beaconpacs.archive.rar.api.ListenerState;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when every configured DICOM listener is listening; each listener's state is in the data. */
@Readiness
@ApplicationScoped
public class ListenersHealthCheck implements HealthCheck {

    @EJB
    private NetworkConfigurator network;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("dicom-listeners");
        boolean up = true;
        var listeners = network.listeners();
        for (ListenerState l : listeners) {
            String key = (l.host() == null ? "*" : l.host()) + ":" + l.port();
            b.withData(key, (l.listening() ? "listening" : "DOWN: " + l.problem()) + " " + l.aeTitles()
                    + (l.tls() ? " TLS" : "") + ", " + l.openAssociations() + " open");
            up &= l.listening();
        }
        return b.status(up && !listeners.isEmpty()).build();
    }
}
