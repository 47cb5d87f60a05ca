package org.beaconpacs.archive.rar.api;

import org.beaconpacs.dicom.net.scp.Responder;

/**
 * The resource adapter's message listener interface: what a message endpoint (the archive's MDB)
 * receives from the DICOM listeners. Calls come on the adapter's threads, one per association.
 */
public interface DimseListener {

    /**
     * One DIMSE request. The data set, if any, is a stream ({@code request.message().data()}) read
     * while the call lasts; the answer goes through {@code responder}, pending responses first for
     * C-FIND, C-GET and C-MOVE, and exactly one final response.
     */
    void onRequest(DimseRequest request, Responder responder);

    /** An association (or an attempt at one) ended: its activity record. */
    void onAssociationEnd(AssociationReport report);
}
