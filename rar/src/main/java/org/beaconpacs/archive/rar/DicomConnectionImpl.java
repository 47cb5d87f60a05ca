package org.beaconpacs.archive.rar;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.beaconpacs.archive.rar.api.DicomConnection;
import org.beaconpacs.archive.rar.api.SyslogSender;
import org.beaconpacs.archive.rar.api.SyslogTransport;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.scu.ChannelSockets;
import org.beaconpacs.dicom.net.scu.DicomClient;

/** The handle EJBs hold: opens associations through the adapter and aborts any left open on close. */
final class DicomConnectionImpl implements DicomConnection {

    private volatile DicomManagedConnection managed;
    private final List<DicomClient> clients = new CopyOnWriteArrayList<>();

    DicomConnectionImpl(DicomManagedConnection managed) {
        this.managed = managed;
    }

    @Override
    public DicomClient open(String host, int port, boolean tls, AAssociateRQ rq) throws IOException {
        DicomManagedConnection mc = managed;
        if (mc == null) {
            throw new IOException("the DICOM connection is closed");
        }
        BeaconResourceAdapter adapter = mc.factory().adapter();
        DicomClient client = adapter.outbound().open(host, port,
                tls ? adapter.tls().socketFactory() : ChannelSockets.INSTANCE, rq, adapter.timeouts());
        clients.add(client);
        return client;
    }

    @Override
    public SyslogSender openSyslog(String host, int port, SyslogTransport transport, String appName)
            throws IOException {
        DicomManagedConnection mc = managed;
        if (mc == null) {
            throw new IOException("the DICOM connection is closed");
        }
        BeaconResourceAdapter adapter = mc.factory().adapter();
        return adapter.outbound().openSyslog(host, port, transport, appName,
                transport == SyslogTransport.TLS ? adapter.tls().socketFactory() : null);
    }

    @Override
    public void close() {
        DicomManagedConnection mc = managed;
        abandon();
        if (mc != null) {
            mc.closed(this);
        }
    }

    /** Aborts the associations this handle opened and its user did not release. */
    void abandon() {
        DicomManagedConnection mc = managed;
        managed = null;
        for (DicomClient c : clients) {
            if (mc != null) {
                mc.factory().adapter().outbound().close(c);
            } else {
                c.close();
            }
        }
        clients.clear();
    }

    void reassociate(DicomManagedConnection mc) {
        this.managed = mc;
    }
}
