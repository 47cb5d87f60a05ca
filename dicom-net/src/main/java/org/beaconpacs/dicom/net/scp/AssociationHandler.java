package org.beaconpacs.dicom.net.scp;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.beaconpacs.dicom.net.association.AcceptorPolicy;
import org.beaconpacs.dicom.net.association.Association;
import org.beaconpacs.dicom.net.association.AssociationException;
import org.beaconpacs.dicom.net.association.Message;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.ProtocolException;

/**
 * Runs an accepted connection to its end (the acceptor API): negotiates by the policy, then reads
 * requests and hands them to the handler. C-STOREs and other requests are served in order on the
 * calling thread; C-FIND, C-GET and C-MOVE run on the executor the caller hands in, so that the reader
 * goes on and can see their C-CANCEL. The caller owns the threads (in Beacon PACS: the resource
 * adapter's WorkManager).
 */
public final class AssociationHandler {

    private static final Logger LOG = System.getLogger("org.beaconpacs.dicom.net.scp");
    /** A query or retrieve identifier is a handful of keys; a megabyte is not an identifier. */
    static final int MAX_IDENTIFIER = 1 << 20;

    private final AcceptorPolicy policy;
    private final DimseHandler handler;
    private final Executor executor;
    private final Timeouts timeouts;
    private final AssociationMonitor monitor;

    public AssociationHandler(AcceptorPolicy policy, DimseHandler handler, Executor executor, Timeouts timeouts) {
        this(policy, handler, executor, timeouts, AssociationMonitor.NONE);
    }

    public AssociationHandler(AcceptorPolicy policy, DimseHandler handler, Executor executor, Timeouts timeouts,
                              AssociationMonitor monitor) {
        this.policy = policy;
        this.handler = handler;
        this.executor = executor;
        this.timeouts = timeouts;
        this.monitor = monitor;
    }

    /** Serves {@code socket} until release, abort, or the peer's close; never throws. */
    public void serve(Socket socket) {
        Association association;
        try {
            association = Association.accept(socket, policy, timeouts);
        } catch (AssociationException e) {
            LOG.log(Level.INFO, () -> "association from " + socket.getRemoteSocketAddress() + " not established: "
                    + e.getMessage());
            if (e.rejection() != null && e.request() != null) {
                monitor.rejected(socket, e.request(), e.rejection());
            } else {
                monitor.failed(socket, e.getMessage());
            }
            return;
        } catch (IOException e) {
            LOG.log(Level.INFO, () -> "association from " + socket.getRemoteSocketAddress() + " not established: "
                    + e.getMessage());
            monitor.failed(socket, e instanceof java.io.EOFException ? "closed by the peer before associating"
                    : e.getMessage());
            return;
        }
        monitor.established(association);
        Map<Integer, Responder> running = new ConcurrentHashMap<>();
        PeerRequests peerRequests = new PeerRequests(association);
        AssociationMonitor.Ending ending = AssociationMonitor.Ending.RELEASED;
        String detail = "released by the peer";
        try {
            for (Message m; (m = association.receive()) != null; ) {
                int field = m.command().commandField();
                if (field == CommandField.C_CANCEL_RQ) {
                    Responder r = running.get(m.command().messageIdBeingRespondedTo());
                    if (r != null) {
                        r.cancel();
                    }
                    continue;
                }
                if (m.command().isResponse()) {
                    if (m.data() != null) {
                        m.data().close();
                    }
                    if (!peerRequests.complete(m.command())) {
                        LOG.log(Level.INFO, association.name() + ": unexpected " + m.command() + ", ignored");
                    }
                    continue;
                }
                monitor.request(association, m.command());
                Responder responder = new Responder(association, m.presentationContextId(), m.command(), monitor,
                        peerRequests);
                if (field == CommandField.C_FIND_RQ || field == CommandField.C_GET_RQ
                        || field == CommandField.C_MOVE_RQ) {
                    // read the identifier now: the reader must go on to see a C-CANCEL
                    byte[] identifier = m.data() == null ? null : m.data().readNBytes(MAX_IDENTIFIER + 1);
                    if (identifier != null && identifier.length > MAX_IDENTIFIER) {
                        m.data().close();
                        responder.respond(m.command().response(Status.UNABLE_TO_PROCESS, false)
                                .setErrorComment("identifier larger than " + MAX_IDENTIFIER + " bytes"), null);
                        continue;
                    }
                    Message copy = new Message(m.presentationContextId(), m.abstractSyntax(), m.transferSyntax(),
                            m.command(), identifier == null ? null : new java.io.ByteArrayInputStream(identifier));
                    int id = m.command().messageId();
                    running.put(id, responder);
                    executor.execute(() -> {
                        try {
                            handle(copy, responder);
                        } finally {
                            running.remove(id);
                        }
                    });
                } else {
                    handle(m, responder);
                }
            }
        } catch (AssociationException e) {
            LOG.log(Level.INFO, () -> association.name() + ": ended: " + e.getMessage());
            ending = e.abort() != null ? AssociationMonitor.Ending.ABORTED_BY_PEER : AssociationMonitor.Ending.PEER_CLOSED;
            detail = e.abort() != null ? "aborted by the peer: " + e.abort() : "the peer closed the connection";
        } catch (ProtocolException e) {
            LOG.log(Level.INFO, () -> association.name() + ": ended: " + e.getMessage());
            ending = AssociationMonitor.Ending.ABORTED;
            detail = "aborted after a protocol error: " + e.getMessage();
        } catch (java.net.SocketTimeoutException e) {
            LOG.log(Level.INFO, () -> association.name() + ": idle for " + timeouts.idle() + ", aborting");
            ending = AssociationMonitor.Ending.ABORTED;
            detail = "aborted: no PDU for " + timeouts.idle().toSeconds() + " s";
        } catch (IOException e) {
            LOG.log(Level.INFO, () -> association.name() + ": ended: " + e.getMessage());
            ending = AssociationMonitor.Ending.PEER_CLOSED;
            detail = "connection lost: " + e.getMessage();
        } finally {
            peerRequests.end(detail);
            association.close();
            monitor.ended(association, ending, detail);
        }
    }

    private void handle(Message m, Responder responder) {
        try {
            handler.onRequest(m, responder);
            if (!responder.isDone()) {
                responder.respond(m.command().response(Status.PROCESSING_FAILURE, false)
                        .setErrorComment("the service gave no answer"), null);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, () -> "request " + m.command() + " failed: " + e);
            if (!responder.isDone()) {
                try {
                    responder.respond(m.command().response(Status.UNABLE_TO_PROCESS, false)
                            .setErrorComment(String.valueOf(e.getMessage())), null);
                } catch (IOException | RuntimeException ignored) {
                    // the association is gone; the reader loop will see it
                }
            }
        }
    }
}
