package org.beaconpacs.archive.rar.api;

import java.io.IOException;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.scu.DicomClient;

/**
 * A handle on the adapter's outbound side. Associations it opens belong to the adapter: they are
 * aborted when the handle is closed (if the caller has not released them) or the adapter stops.
 * Syslog connections to an audit repository outlive the handle (a sender keeps its connection between
 * batches) and are closed by their user or when the adapter stops.
 */
public interface DicomConnection extends AutoCloseable {

    /** Opens an association to {@code host:port} (TLS when asked) with the proposal {@code rq}. */
    DicomClient open(String host, int port, boolean tls, AAssociateRQ rq) throws IOException;

    /** Opens a connection to the syslog collector at {@code host:port}; {@code appName} is the APP-NAME field. */
    SyslogSender openSyslog(String host, int port, SyslogTransport transport, String appName) throws IOException;

    @Override
    void close();
}
