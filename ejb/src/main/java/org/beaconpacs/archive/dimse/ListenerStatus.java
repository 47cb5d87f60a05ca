package org.beaconpacs.archive.dimse;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A DICOM listener as the dashboard shows it: on which node of the cluster (the one server's name when
 * there is no cluster), where it listens, for which local AEs, whether it does (or why not), how many
 * associations it has open, and when its node last said so.
 */
public record ListenerStatus(String node, String host, int port, boolean tls, List<String> aeTitles,
                             boolean listening, String problem, int openAssociations, Instant seen)
        implements Serializable {

    /** Whether its node has not told its state for longer than it should have (stopped, or unreachable). */
    public boolean silent(Instant now) {
        return seen.plus(ClusterListeners.SILENT_AFTER).isBefore(now);
    }
}
