package org.beaconpacs.archive.rar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.beaconpacs.archive.rar.api.SyslogSender;
import org.beaconpacs.archive.rar.api.SyslogTransport;

/**
 * Syslog messages of RFC 5424 to a collector, over TLS (RFC 5425: octet-counting framing) or UDP (RFC 5426:
 * one message per datagram). The facility is 10 (security/authorization), as IHE ATNA asks of audit messages.
 */
final class SyslogClient implements SyslogSender {

    static final int FACILITY = 10;
    /** The largest UDP payload over IPv4; a message beyond it cannot travel by UDP. */
    static final int MAX_DATAGRAM = 65_507;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final long IDLE_NANOS = 100_000_000L;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final SyslogTransport transport;
    private final String appName;
    private final String hostName;
    private final String procId;
    private final Socket socket;
    private final OutputStream out;
    private final DatagramSocket datagrams;
    private final InetSocketAddress collector;
    private long lastSend = System.nanoTime();

    private SyslogClient(SyslogTransport transport, String appName, InetSocketAddress collector,
                         javax.net.SocketFactory tls) throws IOException {
        this.transport = transport;
        this.appName = field(appName, 48);
        this.hostName = field(localHostName(), 255);
        this.procId = Long.toString(ProcessHandle.current().pid());
        this.collector = collector;
        if (transport == SyslogTransport.TLS) {
            Socket s = tls.createSocket();
            try {
                s.setTcpNoDelay(true);
                s.connect(collector, CONNECT_TIMEOUT_MILLIS);
                ((javax.net.ssl.SSLSocket) s).startHandshake();
            } catch (IOException e) {
                s.close();
                throw e;
            }
            socket = s;
            out = s.getOutputStream();
            datagrams = null;
        } else {
            socket = null;
            out = null;
            datagrams = new DatagramSocket();
        }
    }

    /** @param tls the TLS sockets' factory (the adapter's profile), for {@link SyslogTransport#TLS} */
    static SyslogClient open(String host, int port, SyslogTransport transport, String appName,
                             javax.net.SocketFactory tls) throws IOException {
        InetSocketAddress collector = new InetSocketAddress(host, port);
        if (collector.isUnresolved()) {
            throw new IOException("unknown host " + host);
        }
        return new SyslogClient(transport, appName, collector, tls);
    }

    @Override
    public void send(int severity, String msgId, byte[] msg) throws IOException {
        byte[] message = format(severity, msgId, msg, Instant.now());
        if (transport == SyslogTransport.TLS) {
            if (System.nanoTime() - lastSend > IDLE_NANOS) {
                probe();
            }
            lastSend = System.nanoTime();
            out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(message);
            out.flush();
        } else {
            if (message.length > MAX_DATAGRAM) {
                throw new IOException("a message of " + message.length + " bytes does not fit a UDP datagram");
            }
            datagrams.send(new DatagramPacket(message, message.length, collector));
        }
    }

    /**
     * A collector never writes to us: a read that does not time out means it closed the connection (or its
     * process died). Written into such a connection, a message would leave without error and be lost, so a
     * connection idle for a while is checked before it is used.
     */
    private void probe() throws IOException {
        socket.setSoTimeout(1);
        try {
            if (socket.getInputStream().read() < 0) {
                throw new IOException("the collector closed the connection");
            } // a byte it should not have sent: read and ignored
        } catch (java.net.SocketTimeoutException alive) {
            // nothing to read: still connected
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(0);
            }
        }
    }

    /** {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID - BOM MSG} (RFC 5424 6). */
    byte[] format(int severity, String msgId, byte[] msg, Instant time) {
        String header = "<" + (FACILITY * 8 + severity) + ">1 " + TIMESTAMP.format(time) + ' ' + hostName + ' '
                + appName + ' ' + procId + ' ' + field(msgId, 32) + " - ";
        ByteArrayOutputStream b = new ByteArrayOutputStream(header.length() + BOM.length + msg.length);
        b.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(BOM);
        b.writeBytes(msg);
        return b.toByteArray();
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            } else {
                datagrams.close();
            }
        } catch (IOException ignored) {
            // closing: nothing left to send
        }
    }

    /** A header field: printable US-ASCII without spaces, at most {@code max} characters, "-" when empty. */
    static String field(String s, int max) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(c > 32 && c < 127 ? c : '_');
        }
        return b.toString();
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "-";
        }
    }
}
