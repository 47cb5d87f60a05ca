package org.beaconpacs.archive.rar;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.rar.api.Hl7Listener;
import org.beaconpacs.archive.rar.api.Hl7Message;

/**
 * The HL7 v2 listener: MLLP connections on one port, each served on a WorkManager thread, each message
 * handed to the archive's HL7 endpoint and its acknowledgement sent back before the next is read (the
 * sender's order is kept). Without an endpoint a connection is closed unanswered: the sender resends.
 */
final class MllpListener {

    private static final Logger LOG = Logger.getLogger(MllpListener.class.getName());
    /** A message longer than this (a whole patient history) closes the connection. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private final String host;
    private final int port;
    private final javax.net.ServerSocketFactory sockets;
    private final Executor executor;
    private final MessageEndpointFactory endpoint;
    private final int idleMillis;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    /** {@code sockets}: plain, or TLS (an SSLServerSocketFactory) for the "TLS optional" of the HL7 link. */
    MllpListener(String host, int port, javax.net.ServerSocketFactory sockets, Executor executor,
                 MessageEndpointFactory endpoint, int idleMillis) {
        this.host = host;
        this.port = port;
        this.sockets = sockets;
        this.executor = executor;
        this.endpoint = endpoint;
        this.idleMillis = idleMillis;
    }

    void start() throws IOException {
        ServerSocket s = sockets.createServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getByName(host), port), 50);
        server = s;
        executor.execute(this::accept);
        LOG.info(() -> "HL7 listener on " + host + ":" + s.getLocalPort()
                + (s instanceof javax.net.ssl.SSLServerSocket ? " (TLS)" : ""));
    }

    /** The port it listens on (the one asked for, or the one the system chose for 0). */
    int localPort() {
        ServerSocket s = server;
        return s == null ? -1 : s.getLocalPort();
    }

    void stop() {
        ServerSocket s = server;
        server = null;
        try {
            if (s != null) {
                s.close();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the HL7 listener", e);
        }
        open.forEach(MllpListener::closeQuietly);
    }

    private void accept() {
        while (server != null) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(idleMillis);
                open.add(socket);
                executor.execute(() -> serve(socket));
            } catch (IOException e) {
                if (server != null) {
                    LOG.log(Level.WARNING, "HL7 listener on port " + port + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        String peer = socket.getInetAddress().getHostAddress();
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            byte[] message;
            while ((message = MllpFrames.read(in, MAX_MESSAGE_BYTES)) != null) {
                byte[] ack = deliver(new Hl7Message(message, peer, socket.getPort(), socket.getLocalPort()));
                if (ack == null) {
                    LOG.warning(() -> "HL7 message from " + peer + " not taken (the archive is not running):"
                            + " connection closed unanswered");
                    return;
                }
                MllpFrames.write(out, ack);
            }
        } catch (SocketException e) {
            LOG.fine(() -> "HL7 connection from " + peer + ": " + e.getMessage());
        } catch (IOException e) {
            LOG.info(() -> "HL7 connection from " + peer + " closed: " + e.getMessage());
        } finally {
            open.remove(socket);
        }
    }

    /** The endpoint's acknowledgement, or null when no endpoint takes messages. */
    private byte[] deliver(Hl7Message message) {
        MessageEndpoint e;
        try {
            e = endpoint.createEndpoint(null);
        } catch (UnavailableException ex) {
            return null;
        }
        try {
            return ((Hl7Listener) e).onMessage(message);
        } finally {
            e.release();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
