package org.beaconpacs.archive.rar;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.rar.api.AssociationReport;
import org.beaconpacs.archive.rar.api.DicomConfiguration;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.archive.rar.api.ListenerState;
import org.beaconpacs.archive.rar.api.LocalAe;
import org.beaconpacs.archive.rar.api.ServicesUnavailableException;
import org.beaconpacs.dicom.net.association.AcceptorPolicy;
import org.beaconpacs.dicom.net.association.Association;
import org.beaconpacs.dicom.net.association.Message;
import org.beaconpacs.dicom.net.pdu.AAbort;
import org.beaconpacs.dicom.net.pdu.AAssociateRJ;
import org.beaconpacs.dicom.net.pdu.PDUEncoder;
import org.beaconpacs.dicom.net.scp.AssociationHandler;
import org.beaconpacs.dicom.net.scp.AssociationMonitor;
import org.beaconpacs.dicom.net.scp.Responder;

/**
 * One listening socket (host and port) and the associations accepted on it. Each connection gets a
 * thread of its own at once, so a peer that connects and says nothing holds up nobody else; ARTIM then
 * closes it. The negotiation policy is swapped whole when the configuration changes.
 */
final class Listener {

    private static final Logger LOG = Logger.getLogger(Listener.class.getName());
    /** Association serial numbers, unique across restarts (they key activity notes). */
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis() * 1000);
    private static final AcceptorPolicy UNAVAILABLE = AcceptorPolicy.builder().unavailable().build();

    private final BeaconResourceAdapter adapter;
    private final String host;
    private final int port;
    private final boolean tls;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Map<Socket, Association> associations = new ConcurrentHashMap<>();
    private volatile AcceptorPolicy policy;
    /** False until the archive's endpoint is active, and again from the start of its undeploy. */
    private volatile boolean available;
    private volatile List<String> aeTitles = List.of();
    private volatile ServerSocket server;
    private volatile String problem;

    Listener(BeaconResourceAdapter adapter, String host, int port, boolean tls) {
        this.adapter = adapter;
        this.host = host;
        this.port = port;
        this.tls = tls;
    }

    static String key(String host, int port) {
        return (host == null || host.isBlank() ? "*" : host) + ":" + port;
    }

    boolean tls() {
        return tls;
    }

    boolean isListening() {
        ServerSocket s = server;
        return s != null && !s.isClosed();
    }

    /**
     * Whether the archive's services are there to answer: while they are not, every association is
     * rejected as transient (local limit exceeded), so that senders try again, never answered with a failure.
     */
    void available(boolean available) {
        this.available = available;
    }

    /** The policy for the AEs on this address, from the archive's configuration. */
    void reconfigure(List<LocalAe> aes, DicomConfiguration config) {
        AcceptorPolicy.Builder b = AcceptorPolicy.builder()
                .calledAeTitles(aes.stream().map(LocalAe::aeTitle).toArray(String[]::new))
                .maxPduLength(adapter.maxPduLengthValue())
                .maxAssociations(adapter.maxAssociationsValue(), adapter::openAssociations)
                .transferSyntaxPreference(config.preferCompressed()
                        ? AcceptorPolicy.TransferSyntaxPreference.SENDERS_COMPRESSED
                        : AcceptorPolicy.TransferSyntaxPreference.EXPLICIT_LITTLE_ENDIAN);
        if (!config.acceptUnknownCallingAes()) {
            b.callingAeTitles(new HashSet<>(config.knownCallingAeTitles()));
        }
        config.services().forEach((sopClass, ts) -> b.accept(sopClass, ts.toArray(String[]::new)));
        config.scpRoleSopClasses().forEach(b::allowRequestorScpRole);
        config.extendedNegotiation().forEach(b::extendedNegotiation);
        config.refusedByCallingAe().forEach(b::refuseFromCaller);
        for (LocalAe ae : aes) {
            if (!ae.refusedSopClasses().isEmpty()) {
                b.refuse(ae.aeTitle(), ae.refusedSopClasses());
            }
        }
        policy = b.build();
        aeTitles = aes.stream().map(LocalAe::aeTitle).toList();
    }

    /** Binds and starts accepting; a bind failure is kept as the listener's problem, not thrown. */
    void start() {
        try {
            // plain TCP through NIO: its sockets are channels, so that files go out with no copy in the JVM
            // (DirectSend); the adaptor is a ServerSocket like the TLS one
            ServerSocket s = tls ? adapter.tls().serverSocketFactory().createServerSocket()
                    : ServerSocketChannel.open().socket();
            s.setReuseAddress(true);
            s.bind(host == null || host.isBlank() ? new InetSocketAddress(port) : new InetSocketAddress(host, port),
                    128);
            server = s;
            problem = null;
            adapter.workManagerExecutor().execute(this::acceptLoop);
            LOG.info(() -> "DICOM listener on " + key(host, port) + (tls ? " (TLS)" : "") + " for " + aeTitles);
        } catch (IOException | RejectedExecutionException e) {
            problem = e.getMessage();
            closeServer();
            LOG.log(Level.SEVERE, "DICOM listener on " + key(host, port) + " could not start: " + e.getMessage());
        }
    }

    private void acceptLoop() {
        Thread t = Thread.currentThread();
        String name = t.getName();
        t.setName("dicom-listener-" + port);
        try {
            ServerSocket s;
            while ((s = server) != null && !s.isClosed()) {
                Socket socket;
                try {
                    socket = s.accept();
                } catch (IOException e) {
                    if (!s.isClosed()) {
                        LOG.log(Level.WARNING, "accept on " + key(host, port) + " failed", e);
                    }
                    continue;
                }
                serveLater(socket);
            }
        } finally {
            t.setName(name);
        }
    }

    private void serveLater(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            sockets.add(socket);
            adapter.openAssociationCounter().incrementAndGet();
            adapter.workManagerExecutor().execute(() -> serve(socket));
        } catch (IOException | RejectedExecutionException e) {
            // no thread to read the request with: answer it unread (PS3.8 allows RJ at once), then close
            LOG.warning(() -> "no thread for the connection from " + socket.getRemoteSocketAddress() + ": " + e);
            finished(socket);
            rejectUnread(socket);
        }
    }

    private void serve(Socket socket) {
        Thread t = Thread.currentThread();
        String name = t.getName();
        t.setName("dicom-association-" + port + "-" + socket.getPort());
        ActivityRecorder recorder = new ActivityRecorder(SERIAL.incrementAndGet(), socket,
                adapter.endpoints()::deliver);
        AssociationMonitor monitor = new TrackingMonitor(recorder, socket);
        try {
            if (socket instanceof javax.net.ssl.SSLSocket s && !handshake(s, recorder)) {
                return;
            }
            AcceptorPolicy negotiation = available ? policy : UNAVAILABLE;
            new AssociationHandler(negotiation, (message, rsp) -> deliver(socket, recorder, message, rsp),
                    adapter.workManagerExecutor(), adapter.timeouts(), monitor).serve(socket);
        } finally {
            finished(socket);
            t.setName(name);
        }
    }

    /**
     * The TLS handshake, before any PDU, within the ARTIM time: a peer without a certificate the trust store
     * vouches for (or with a protocol or suite outside the profile) is refused here, and its report says so
     * ("TLS handshake failed: ..."), which the audit trail reports as a node authentication failure.
     */
    private boolean handshake(javax.net.ssl.SSLSocket s, ActivityRecorder recorder) {
        try {
            s.setSoTimeout((int) adapter.timeouts().artim().toMillis());
            s.startHandshake();
            s.setSoTimeout(0);
            return true;
        } catch (IOException e) {
            String why = AssociationReport.TLS_FAILED + e.getMessage();
            LOG.warning(() -> "DICOM TLS connection from " + s.getInetAddress().getHostAddress() + " refused: " + why);
            recorder.failed(s, why);
            try {
                s.close();
            } catch (IOException ignored) {
                // refused anyway
            }
            return false;
        }
    }

    /**
     * Hands a request to the endpoint, counting the bytes of its data set as the service reads them. With
     * no endpoint to take it (an undeploy began), the association is aborted: the request is not answered
     * with a failure, and the sender sends it again once the archive is back.
     */
    private void deliver(Socket socket, ActivityRecorder recorder, Message message, Responder responder)
            throws IOException {
        CountingInputStream data = message.data() == null ? null : new CountingInputStream(message.data());
        Message counted = data == null ? message : new Message(message.presentationContextId(),
                message.abstractSyntax(), message.transferSyntax(), message.command(), data);
        boolean delivered;
        try {
            delivered = adapter.endpoints().deliver(new DimseRequest(recorder.info(), counted), responder);
        } catch (RuntimeException e) {
            // the archive is stopping: its container refused the endpoint, or a service under it
            if (!ServicesUnavailableException.isCause(e) || responder.isDone()) {
                throw e;
            }
            delivered = false;
        }
        if (!delivered) {
            Association a = associations.get(socket);
            if (a != null) {
                a.abort(AAbort.byUser());
            }
            throw new IOException("the archive's services are stopping: association aborted");
        }
        if (data != null) {
            recorder.dataSetRead(message.command().messageId(), data.count());
        }
    }

    private void finished(Socket socket) {
        if (sockets.remove(socket)) {
            adapter.openAssociationCounter().decrementAndGet();
        }
        associations.remove(socket);
    }

    private static void rejectUnread(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(PDUEncoder.encode(AAssociateRJ.localLimitExceeded()));
            out.flush();
            socket.shutdownOutput();
        } catch (IOException ignored) {
            // the peer went first
        }
    }

    void stopAccepting() {
        closeServer();
    }

    private void closeServer() {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Lets running associations finish within {@code grace}, then aborts the rest. */
    void endAssociations(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!sockets.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Socket s : sockets) {
            Association a = associations.get(s);
            if (a != null) {
                a.terminate();
            }
            try {
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        if (!sockets.isEmpty()) {
            LOG.info(() -> sockets.size() + " association(s) on " + key(host, port) + " aborted at shutdown");
        }
    }

    ListenerState state() {
        return new ListenerState(host, port, tls, aeTitles, isListening(), problem, sockets.size());
    }

    /** Passes events to the recorder and keeps the established association, to abort it at shutdown. */
    private final class TrackingMonitor implements AssociationMonitor {
        private final ActivityRecorder recorder;
        private final Socket socket;

        TrackingMonitor(ActivityRecorder recorder, Socket socket) {
            this.recorder = recorder;
            this.socket = socket;
        }

        @Override
        public void rejected(Socket s, org.beaconpacs.dicom.net.pdu.AAssociateRQ rq, AAssociateRJ rj) {
            recorder.rejected(s, rq, rj);
        }

        @Override
        public void failed(Socket s, String why) {
            recorder.failed(s, why);
        }

        @Override
        public void established(Association association) {
            associations.put(socket, association);
            recorder.established(association);
        }

        @Override
        public void request(Association association, org.beaconpacs.dicom.net.dimse.Command request) {
            recorder.request(association, request);
        }

        @Override
        public void responded(Association association, org.beaconpacs.dicom.net.dimse.Command request,
                              org.beaconpacs.dicom.net.dimse.Command response, long nanos) {
            recorder.responded(association, request, response, nanos);
        }

        @Override
        public void ended(Association association, Ending ending, String detail) {
            associations.remove(socket);
            recorder.ended(association, ending, detail);
        }
    }

}
