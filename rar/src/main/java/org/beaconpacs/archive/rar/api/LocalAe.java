package org.beaconpacs.archive.rar.api;

import java.io.Serializable;
import java.util.Set;

/**
 * A local application entity the adapter listens for: its title, where it binds, whether TLS, and the
 * SOP classes of the configuration's services it refuses when called (an AE that stores only some
 * storage SOP classes; empty: it offers every service of the configuration).
 */
public record LocalAe(String aeTitle, String host, int port, boolean tls, Set<String> refusedSopClasses)
        implements Serializable {

    public LocalAe {
        refusedSopClasses = refusedSopClasses == null ? Set.of() : Set.copyOf(refusedSopClasses);
    }

    /** A local AE that accepts every service of the configuration. */
    public LocalAe(String aeTitle, String host, int port, boolean tls) {
        this(aeTitle, host, port, tls, Set.of());
    }
}
