package org.beaconpacs.archive.rar.api;

import java.io.Serializable;

/** Who is talking: the peer's and our AE titles and addresses, and the association's serial number. */
public record AssociationInfo(long serial, String callingAeTitle, String calledAeTitle, String peerHost,
                              int peerPort, int localPort) implements Serializable {
}
