package org.beaconpacs.archive.dimse;

import java.io.IOException;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.dicom.net.scp.Responder;

/**
 * The SCP of one service class (PS3.4): it declares its {@link Capability} and turns each DIMSE request of
 * it into a call of its service and the outcome into responses. A CDI bean: declaring one is all it takes
 * to be negotiated at the listeners and routed to by the MDB ({@link CapabilityRegistry}).
 */
public interface DimseScp {

    Capability capability();

    /**
     * Answers one request: exactly one final response through {@code responder} (pending ones first
     * where the service has them). The caller has checked the capability's permission.
     */
    void onRequest(DimseRequest request, Responder responder) throws IOException;
}
