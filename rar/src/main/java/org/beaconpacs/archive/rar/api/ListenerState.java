package org.beaconpacs.archive.rar.api;

import java.io.Serializable;
import java.util.List;

/** One listener as it is now: its address, the AEs it serves, whether it is listening, and its load. */
public record ListenerState(String host, int port, boolean tls, List<String> aeTitles, boolean listening,
                            String problem, int openAssociations) implements Serializable {
}
