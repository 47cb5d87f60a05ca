package org.beaconpacs.archive.rar.api;

import java.io.Serializable;
import java.util.Set;

/**
 * A local application entity the adapter listens for: its title, where it binds, whether TLS, and the
 * storage SOP classes it accepts when it accepts only some (empty: all the configuration's services).
 */
public record LocalAe(String aeTitle, String host, int port, boolean tls, Set<String> storageSopClasses)
        implements Serializable {

    public LocalAe {
        storageSopClasses = storageSopClasses == null ? Set.of() : Set.copyOf(storageSopClasses);
    }

    /** A local AE that accepts every service of the configuration. */
    public LocalAe(String aeTitle, String host, int port, boolean tls) {
        this(aeTitle, host, port, tls, Set.of());
    }
}
