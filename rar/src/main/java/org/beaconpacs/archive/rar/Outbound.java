package org.beaconpacs.archive.rar;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;
import org.beaconpacs.archive.rar.api.SyslogSender;
import org.beaconpacs.archive.rar.api.SyslogTransport;
import org.beaconpacs.dicom.net.association.SocketSettings;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.scu.DicomClient;

/**
 * The outbound associations and syslog connections the adapter has opened for the archive, so that a stop
 * can abort them.
 */
final class Outbound {

    private final Set<DicomClient> open = ConcurrentHashMap.newKeySet();
    private final Set<SyslogSender> syslogs = ConcurrentHashMap.newKeySet();

    /** An association by {@code factory}'s sockets (plain, or TLS by the adapter's profile). */
    DicomClient open(String host, int port, SocketFactory factory, AAssociateRQ rq, Timeouts timeouts)
            throws IOException {
        DicomClient client = DicomClient.connect(factory, SocketSettings.DEFAULT, host, port, rq, timeouts);
        open.add(client);
        return client;
    }

    SyslogSender openSyslog(String host, int port, SyslogTransport transport, String appName, SocketFactory tls)
            throws IOException {
        SyslogClient client = SyslogClient.open(host, port, transport, appName, tls);
        SyslogSender tracked = new SyslogSender() {
            @Override
            public void send(int severity, String msgId, byte[] msg) throws IOException {
                client.send(severity, msgId, msg);
            }

            @Override
            public void close() {
                syslogs.remove(this);
                client.close();
            }
        };
        syslogs.add(tracked);
        return tracked;
    }

    /** Forgets {@code client} and aborts it if its user left it open. */
    void close(DicomClient client) {
        if (open.remove(client)) {
            client.close();
        }
    }

    void abortAll() {
        open.forEach(this::close);
        syslogs.forEach(SyslogSender::close);
    }
}
