package org.beaconpacs.archive.print;

import java.io.Serializable;
import java.time.Instant;

/**
 * A print job as the print queue page, REST and N-GET see it; {@code node}: the cluster node that spooled
 * it, or that prints or printed it.
 */
public record PrintJobSummary(long id, String jobUid, String printerAe, String callingAe, String sessionLabel,
                              String priority, int copies, String mediumType, String filmDestination, boolean color,
                              int films, String state, String statusInfo, String detail, String directory,
                              Instant created, Instant updated, Instant printed,
                              String node) implements Serializable {
}
