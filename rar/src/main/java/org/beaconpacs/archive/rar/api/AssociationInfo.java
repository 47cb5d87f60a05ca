package org.beaconpacs.archive.rar.api;

import java.io.Serializable;
import java.util.Map;

/**
 * Who is talking: the peer's and our AE titles and addresses, the association's serial number, and the
 * SOP Class Extended Negotiation the association agreed on (per SOP class, the service class's option
 * flags as the A-ASSOCIATE-AC answered them; e.g. relational queries for C-FIND, PS3.4 C.5.1.1).
 */
public record AssociationInfo(long serial, String callingAeTitle, String calledAeTitle, String peerHost,
                              int peerPort, int localPort, Map<String, byte[]> extendedNegotiation)
        implements Serializable {

    public AssociationInfo {
        extendedNegotiation = extendedNegotiation == null ? Map.of() : Map.copyOf(extendedNegotiation);
    }

    public AssociationInfo(long serial, String callingAeTitle, String calledAeTitle, String peerHost, int peerPort,
                           int localPort) {
        this(serial, callingAeTitle, calledAeTitle, peerHost, peerPort, localPort, Map.of());
    }

    /** Whether option {@code index} (a byte of the application information) was agreed for {@code sopClass}. */
    public boolean agreed(String sopClass, int index) {
        byte[] options = extendedNegotiation.get(sopClass);
        return options != null && index < options.length && options[index] == 1;
    }
}
