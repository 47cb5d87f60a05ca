package org.beaconpacs.archive.dimse;

import java.io.Serializable;
import java.util.List;

/**
 * A DICOM listener as the dashboard shows it: where it listens, for which local AEs, whether it does (or
 * why not), and how many associations it has open.
 */
public record ListenerStatus(String host, int port, boolean tls, List<String> aeTitles, boolean listening,
                             String problem, int openAssociations) implements Serializable {
}
