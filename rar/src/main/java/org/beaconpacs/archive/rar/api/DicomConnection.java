package org.beaconpacs.archive.rar.api;

import java.io.IOException;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.scu.DicomClient;

/**
 * A handle on the adapter's outbound side. Associations it opens belong to the adapter: they are
 * aborted when the handle is closed (if the caller has not released them) or the adapter stops.
 */
public interface DicomConnection extends AutoCloseable {

    /** Opens an association to {@code host:port} (TLS when asked) with the proposal {@code rq}. */
    DicomClient open(String host, int port, boolean tls, AAssociateRQ rq) throws IOException;

    @Override
    void close();
}
