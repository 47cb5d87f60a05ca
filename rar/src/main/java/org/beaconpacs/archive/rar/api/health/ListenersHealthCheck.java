package org.beaconpacs.archive.rar.api.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.beaconpacs.archive.rar.api.DicomConnectionFactory;
import org.beaconpacs.archive.rar.api.ListenerState;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the DICOM side (MicroProfile Health, /health/ready on the management port): ready when
 * every configured listener is listening; each listener's address, AEs and load are in the data. It
 * lives in the EAR's lib/ because WildFly registers no health checks of EAR subdeployments.
 */
@Readiness
@ApplicationScoped
public class ListenersHealthCheck implements HealthCheck {

    @Resource(lookup = DicomConnectionFactory.JNDI_NAME)
    private DicomConnectionFactory dicom;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("dicom-listeners");
        List<ListenerState> listeners = dicom.listeners();
        boolean up = !listeners.isEmpty();
        for (ListenerState l : listeners) {
            String key = (l.host() == null ? "*" : l.host()) + ":" + l.port();
            b.withData(key, (l.listening() ? "listening " : "DOWN (" + l.problem() + ") ") + l.aeTitles()
                    + (l.tls() ? " TLS" : "") + ", " + l.openAssociations() + " open");
            up &= l.listening();
        }
        return b.status(up).build();
    }
}
