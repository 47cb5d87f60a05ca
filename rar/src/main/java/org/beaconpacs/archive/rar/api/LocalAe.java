package org.beaconpacs.archive.rar.api;

import java.io.Serializable;

/** A local application entity the adapter listens for: its title, where it binds, and whether TLS. */
public record LocalAe(String aeTitle, String host, int port, boolean tls) implements Serializable {
}
