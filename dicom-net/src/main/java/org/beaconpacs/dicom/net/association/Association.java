package org.beaconpacs.dicom.net.association;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.CommandCodec;
import org.beaconpacs.dicom.net.pdu.AAbort;
import org.beaconpacs.dicom.net.pdu.AAssociateAC;
import org.beaconpacs.dicom.net.pdu.AAssociateRJ;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PDUDecoder;
import org.beaconpacs.dicom.net.pdu.PDUEncoder;
import org.beaconpacs.dicom.net.pdu.PDUReader;
import org.beaconpacs.dicom.net.pdu.PDUType;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.pdu.ProtocolException;

/**
 * One DICOM association over a connected socket, as requestor or acceptor, following the Upper Layer
 * state machine of PS3.8 9.2 (states {@link State}); each transition is logged at DEBUG with the
 * association's name. It opens no socket and starts no thread: the caller hands in a connected
 * {@link Socket} and runs {@link #receive()} in a thread of its own.
 *
 * <p>Sending is thread-safe (a handler may answer from another thread while the reader waits);
 * receiving is for one thread.
 */
public final class Association implements Closeable {

    private static final Logger LOG = System.getLogger("org.beaconpacs.dicom.net.association");
    private static final AtomicInteger SERIAL = new AtomicInteger();
    /** Fragment size when the peer sets no maximum length (0). */
    private static final int UNLIMITED_FRAGMENT = 1 << 20;
    private static final int COALESCED_WRITE = 8 * 1024;

    private final Socket socket;
    private final ByteCounter counter;
    /** The socket's channel for file data (plain TCP through NIO), or null. */
    private final DirectSend direct;
    private final InputStream in;
    private final OutputStream out;
    private final PDUReader reader;
    private final Timeouts timeouts;
    private final boolean requestor;
    private final String name;
    private final Object sendLock = new Object();
    /** The PDU buffer of the messages sent, reused (under the send lock) and grown to the fragment size. */
    private byte[] pduBuffer = new byte[PDVOutputStream.INITIAL_BUFFER];
    private final AtomicInteger messageIds = new AtomicInteger();
    private volatile State state;
    private AAssociateRQ rq;
    private AAssociateAC ac;
    private PDVInputStream pendingData;

    private Association(Socket socket, boolean requestor, Timeouts timeouts, long maxPduReceive) throws IOException {
        this.socket = socket;
        this.requestor = requestor;
        this.timeouts = timeouts;
        socket.setTcpNoDelay(true); // DIMSE is request/response: Nagle + delayed ACK would cost ~40 ms a message
        this.counter = new ByteCounter(socket.getInputStream(), socket.getOutputStream());
        this.direct = DirectSend.of(socket, counter);
        this.in = new java.io.BufferedInputStream(counter.in(), 64 * 1024);
        // a small message (command and data set of a C-FIND answer, a response) leaves in one write; PDUs
        // larger than this buffer go straight through
        this.out = new java.io.BufferedOutputStream(counter.out(), COALESCED_WRITE);
        this.reader = new PDUReader(in, maxPduReceive);
        this.name = (requestor ? "SCU-" : "SCP-") + SERIAL.incrementAndGet() + " " + socket.getRemoteSocketAddress();
        this.state = requestor ? State.STA4 : State.STA2;
        LOG.log(Level.DEBUG, () -> name + ": transport connection " + (requestor ? "open" : "accepted")
                + ", " + state);
    }

    // ---------------------------------------------------------------- establishment

    /**
     * Acceptor side: reads the A-ASSOCIATE-RQ within the ARTIM time, answers it by {@code policy}, and
     * returns the established association. A rejection is sent, the connection closed, and thrown as an
     * {@link AssociationException}; a malformed or missing request ends in A-ABORT or a close.
     */
    public static Association accept(Socket socket, AcceptorPolicy policy, Timeouts timeouts) throws IOException {
        Association a = new Association(socket, false, timeouts, policy.maxPduLength());
        try {
            socket.setSoTimeout(Timeouts.millis(timeouts.artim())); // ARTIM runs in Sta2
            int type = a.reader.next();
            if (type == PDUType.A_ABORT) { // AA-2: nothing to answer, just close
                AAbort abort = PDUDecoder.decodeAbort(a.reader.body());
                a.transition(State.STA1, abort + " received before A-ASSOCIATE-RQ");
                a.closeSocket();
                throw AssociationException.aborted(abort);
            }
            if (type != PDUType.A_ASSOCIATE_RQ) {
                throw new ProtocolException(PDUType.name(type) + " before A-ASSOCIATE-RQ", AAbort.REASON_UNEXPECTED_PDU);
            }
            a.rq = PDUDecoder.decodeAssociateRQ(a.reader.body());
            a.transition(State.STA3, "A-ASSOCIATE-RQ received:\n" + a.rq.describe());
            AAssociateAC ac;
            try {
                ac = policy.negotiate(a.rq);
            } catch (AssociationException rejected) {
                a.sendPdu(PDUEncoder.encode(rejected.rejection()));
                a.transition(State.STA13, rejected.rejection().toString() + " sent");
                a.awaitClose();
                throw rejected.withRequest(a.rq);
            }
            a.ac = ac;
            a.sendPdu(PDUEncoder.encode(ac));
            a.transition(State.STA6, "A-ASSOCIATE-AC sent:\n" + ac.describe());
            socket.setSoTimeout(Timeouts.millis(timeouts.idle()));
            return a;
        } catch (ProtocolException e) {
            a.abortAfterProtocolError(e);
            throw e;
        } catch (SocketTimeoutException e) {
            a.transition(State.STA1, "ARTIM expired waiting for A-ASSOCIATE-RQ: closing");
            a.closeSocket();
            throw new AssociationException("no A-ASSOCIATE-RQ within " + timeouts.artim(), null, null, e);
        } catch (EOFException e) {
            a.transition(State.STA1, "peer closed the connection before associating");
            a.closeSocket();
            throw e;
        }
    }

    /** Requestor side: sends {@code rq} on a connected socket and waits (ARTIM) for the AC or RJ. */
    public static Association request(Socket socket, AAssociateRQ rq, Timeouts timeouts) throws IOException {
        Association a = new Association(socket, true, timeouts, rq.maxPduLength());
        a.rq = rq;
        try {
            socket.setSoTimeout(Timeouts.millis(timeouts.artim()));
            a.sendPdu(PDUEncoder.encode(rq));
            a.transition(State.STA5, "A-ASSOCIATE-RQ sent:\n" + rq.describe());
            int type = a.reader.next();
            switch (type) {
                case PDUType.A_ASSOCIATE_AC -> {
                    a.ac = PDUDecoder.decodeAssociateAC(a.reader.body());
                    a.transition(State.STA6, "A-ASSOCIATE-AC received:\n" + a.ac.describe());
                    socket.setSoTimeout(Timeouts.millis(timeouts.idle()));
                    return a;
                }
                case PDUType.A_ASSOCIATE_RJ -> {
                    AAssociateRJ rj = PDUDecoder.decodeAssociateRJ(a.reader.body());
                    a.transition(State.STA1, rj + " received");
                    a.closeSocket();
                    throw AssociationException.rejected(rj);
                }
                case PDUType.A_ABORT -> {
                    AAbort abort = PDUDecoder.decodeAbort(a.reader.body());
                    a.transition(State.STA1, abort + " received");
                    a.closeSocket();
                    throw AssociationException.aborted(abort);
                }
                default -> throw new ProtocolException(PDUType.name(type) + " instead of A-ASSOCIATE-AC",
                        AAbort.REASON_UNEXPECTED_PDU);
            }
        } catch (ProtocolException e) {
            a.abortAfterProtocolError(e);
            throw e;
        } catch (SocketTimeoutException e) {
            a.abort(AAbort.byProvider(AAbort.REASON_NOT_SPECIFIED));
            throw new AssociationException("no A-ASSOCIATE-AC within " + timeouts.artim(), null, null, e);
        } catch (EOFException e) {
            a.transition(State.STA1, "peer closed the connection instead of answering");
            a.closeSocket();
            throw e;
        }
    }

    // ---------------------------------------------------------------- accessors

    public String name() {
        return name;
    }

    public State state() {
        return state;
    }

    public boolean isRequestor() {
        return requestor;
    }

    public AAssociateRQ associateRequest() {
        return rq;
    }

    public AAssociateAC associateAccept() {
        return ac;
    }

    /** Bytes received from the peer so far (PDU headers included). */
    public long bytesReceived() {
        return counter.received();
    }

    /** Bytes sent to the peer so far (PDU headers included). */
    public long bytesSent() {
        return counter.sent();
    }

    public Socket socket() {
        return socket;
    }

    /**
     * True as soon as the peer has sent something (or closed the connection) within {@code millis}, false
     * if nothing came; nothing is consumed. A wait that ends here never ends inside a PDU, as a read
     * timeout during {@link #receive()} could.
     */
    public boolean awaitInput(int millis) throws IOException {
        if (in.available() > 0) {
            return true;
        }
        int before = socket.getSoTimeout();
        socket.setSoTimeout(Math.max(1, millis));
        try {
            in.mark(1);
            in.read();
            in.reset();
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(before);
            }
        }
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    PDUReader reader() {
        return reader;
    }

    /** The next Message ID for a request this side sends (1..65535, wrapping). */
    public int nextMessageId() {
        return (messageIds.incrementAndGet() - 1) % 0xFFFF + 1;
    }

    /** The accepted context for an abstract syntax (and, if not null, transfer syntax), or null. */
    public PresentationContext acceptedContext(String abstractSyntax, String transferSyntax) {
        for (PresentationContext proposed : rq.presentationContexts()) {
            if (!proposed.abstractSyntax().equals(abstractSyntax)) {
                continue;
            }
            PresentationContext answered = ac.presentationContext(proposed.id());
            if (answered != null && answered.isAccepted()
                    && (transferSyntax == null || transferSyntax.equals(answered.transferSyntax()))) {
                return answered;
            }
        }
        return null;
    }

    /** Every accepted context of an abstract syntax, in the order proposed. */
    public java.util.List<PresentationContext> acceptedContexts(String abstractSyntax) {
        java.util.List<PresentationContext> accepted = new java.util.ArrayList<>();
        for (PresentationContext proposed : rq.presentationContexts()) {
            PresentationContext answered = ac.presentationContext(proposed.id());
            if (proposed.abstractSyntax().equals(abstractSyntax) && answered != null && answered.isAccepted()) {
                accepted.add(answered);
            }
        }
        return accepted;
    }

    /** The transfer syntax accepted on presentation context {@code id}, or null. */
    public String transferSyntaxOf(int id) {
        PresentationContext pc = ac.presentationContext(id);
        return pc != null && pc.isAccepted() ? pc.transferSyntax() : null;
    }

    /** The abstract syntax proposed on presentation context {@code id}, or null. */
    public String abstractSyntaxOf(int id) {
        PresentationContext pc = rq.presentationContext(id);
        return pc == null ? null : pc.abstractSyntax();
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends one DIMSE message on presentation context {@code pcid}: the command, then the data set
     * written by {@code data} (null for none), fragmented to the peer's maximum PDU length.
     */
    public void send(int pcid, Command command, DataWriter data) throws IOException {
        String ts = transferSyntaxOf(pcid);
        if (ts == null) {
            throw new IllegalArgumentException("presentation context " + pcid + " is not accepted");
        }
        if (state != State.STA6 && !(state == State.STA7 && !requestor) && state != State.STA8) {
            throw new IOException(name + ": cannot send in " + state);
        }
        int fragment = maxFragment();
        synchronized (sendLock) {
            byte[] encoded = CommandCodec.encode(command);
            PDVOutputStream cmd = new PDVOutputStream(out, pcid, true, fragment, pduBuffer);
            cmd.write(encoded);
            cmd.close();
            if (data != null) {
                PDVOutputStream dataOut = new PDVOutputStream(out, direct, pcid, false, fragment, cmd.buffer());
                try {
                    data.writeTo(dataOut, ts);
                    dataOut.close();
                } finally {
                    pduBuffer = dataOut.buffer();
                }
            } else {
                pduBuffer = cmd.buffer();
            }
            out.flush();
        }
        LOG.log(Level.DEBUG, () -> name + ": sent " + command);
    }

    private int maxFragment() {
        long peerMax = requestor ? ac.maxPduLength() : rq.maxPduLength();
        return peerMax == 0 ? UNLIMITED_FRAGMENT : (int) Math.min(UNLIMITED_FRAGMENT, Math.max(peerMax - 6, 1));
    }

    private void sendPdu(byte[] pdu) throws IOException {
        synchronized (sendLock) {
            out.write(pdu);
            out.flush();
        }
    }

    // ---------------------------------------------------------------- receiving

    /**
     * The next DIMSE message, or null when the association ended by an orderly release (an
     * A-RELEASE-RQ from the peer, answered here). An A-ABORT from the peer is an
     * {@link AssociationException}; a protocol violation aborts and is thrown as a ProtocolException.
     */
    public Message receive() throws IOException {
        if (pendingData != null) {
            pendingData.drain();
            pendingData = null;
        }
        try {
            ByteArrayOutputStream command = new ByteArrayOutputStream(256);
            int pcid = -1;
            while (true) {
                int type = reader.next();
                if (type != PDUType.P_DATA_TF) {
                    if (command.size() > 0) {
                        throw new ProtocolException(PDUType.name(type) + " inside a command",
                                AAbort.REASON_UNEXPECTED_PDU);
                    }
                    if (!handleControlPdu(type)) {
                        return null;
                    }
                    continue;
                }
                while (reader.hasMorePdvs()) {
                    int length = reader.nextPdv();
                    int control = reader.pdvControlHeader();
                    int id = reader.pdvContextId();
                    if ((control & 1) == 0) {
                        throw new ProtocolException("data set fragment where a command was expected",
                                AAbort.REASON_UNEXPECTED_PDU_PARAMETER);
                    }
                    if (pcid != -1 && id != pcid) {
                        throw new ProtocolException("command fragments on two presentation contexts",
                                AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
                    }
                    pcid = id;
                    if (transferSyntaxOf(pcid) == null) {
                        throw new ProtocolException("message on presentation context " + pcid + ", which is not accepted",
                                AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
                    }
                    if (command.size() + length > CommandCodec.MAX_COMMAND_LENGTH) {
                        throw new ProtocolException("command set longer than " + CommandCodec.MAX_COMMAND_LENGTH,
                                AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
                    }
                    byte[] fragment = reader.stream().readNBytes(length);
                    if (fragment.length < length) {
                        throw peerVanished("inside a command");
                    }
                    command.writeBytes(fragment);
                    if ((control & 2) != 0) {
                        Command cmd = CommandCodec.decode(command.toByteArray());
                        Message m = new Message(pcid, abstractSyntaxOf(pcid), transferSyntaxOf(pcid), cmd,
                                cmd.hasDataSet() ? dataStream(pcid) : null);
                        int finalPcid = pcid;
                        LOG.log(Level.DEBUG, () -> name + ": received " + cmd + " on context " + finalPcid);
                        return m;
                    }
                }
            }
        } catch (ProtocolException e) {
            abortAfterProtocolError(e);
            throw e;
        } catch (SocketTimeoutException e) {
            abort(AAbort.byProvider(AAbort.REASON_NOT_SPECIFIED));
            throw new AssociationException(name + ": idle for " + timeouts.idle() + ", aborted", null, null, e);
        } catch (EOFException e) {
            throw peerVanished("between messages");
        }
    }

    /** The data set that follows a command: its PDVs may start in the same P-DATA-TF as the command's last. */
    private PDVInputStream dataStream(int pcid) {
        pendingData = new PDVInputStream(this, pcid, 0, false);
        return pendingData;
    }

    /** Reads up to the next data set PDV of context {@code pcid}; returns its message control header. */
    int nextDataPdv(int pcid) throws IOException {
        try {
            while (!reader.hasMorePdvs()) {
                int type = reader.next();
                if (type != PDUType.P_DATA_TF) {
                    if (type == PDUType.A_ABORT) {
                        handleControlPdu(type);
                    }
                    throw new ProtocolException(PDUType.name(type) + " inside a data set", AAbort.REASON_UNEXPECTED_PDU);
                }
            }
            reader.nextPdv();
            int control = reader.pdvControlHeader();
            if (reader.pdvContextId() != pcid || (control & 1) != 0) {
                throw new ProtocolException("data set fragment on another context or marked as command",
                        AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
            }
            return control;
        } catch (ProtocolException e) {
            abortAfterProtocolError(e);
            throw e;
        } catch (EOFException e) {
            throw peerVanished("inside a data set");
        }
    }

    /** Handles release and abort PDUs; returns false when the association has ended in an orderly way. */
    private boolean handleControlPdu(int type) throws IOException {
        switch (type) {
            case PDUType.A_RELEASE_RQ -> {
                reader.body();
                if (state == State.STA6) {
                    transition(State.STA8, "A-RELEASE-RQ received");
                    sendPdu(PDUEncoder.releaseRP());
                    if (requestor) {
                        transition(State.STA1, "A-RELEASE-RP sent");
                        closeSocket();
                    } else {
                        transition(State.STA13, "A-RELEASE-RP sent");
                        awaitClose();
                    }
                    return false;
                }
                throw new ProtocolException("A-RELEASE-RQ in " + state, AAbort.REASON_UNEXPECTED_PDU);
            }
            case PDUType.A_ABORT -> {
                AAbort abort = PDUDecoder.decodeAbort(reader.body());
                transition(State.STA1, abort + " received");
                closeSocket();
                throw AssociationException.aborted(abort);
            }
            default -> throw new ProtocolException(PDUType.name(type) + " in " + state, AAbort.REASON_UNEXPECTED_PDU);
        }
    }

    // ---------------------------------------------------------------- release and abort

    /**
     * Orderly release (requestor, PS3.8 9.2 AR-1): sends A-RELEASE-RQ and waits, within ARTIM, for the
     * A-RELEASE-RP, answering a release collision; messages still arriving are discarded.
     */
    public void release() throws IOException {
        if (state != State.STA6) {
            throw new IOException(name + ": cannot release in " + state);
        }
        if (pendingData != null) {
            pendingData.drain();
            pendingData = null;
        }
        sendPdu(PDUEncoder.releaseRQ());
        transition(State.STA7, "A-RELEASE-RQ sent");
        socket.setSoTimeout(Timeouts.millis(timeouts.artim()));
        try {
            while (true) {
                int type = reader.next();
                switch (type) {
                    case PDUType.A_RELEASE_RP -> {
                        reader.body();
                        if (state == State.STA10) {
                            transition(State.STA12, "A-RELEASE-RP received in release collision");
                            sendPdu(PDUEncoder.releaseRP());
                            transition(State.STA13, "A-RELEASE-RP sent");
                            awaitClose();
                            return;
                        }
                        transition(State.STA1, "A-RELEASE-RP received");
                        closeSocket();
                        return;
                    }
                    case PDUType.A_RELEASE_RQ -> {
                        reader.body();
                        if (requestor) {
                            transition(State.STA9, "A-RELEASE-RQ received: release collision");
                            sendPdu(PDUEncoder.releaseRP());
                            transition(State.STA11, "A-RELEASE-RP sent");
                        } else {
                            transition(State.STA10, "A-RELEASE-RQ received: release collision");
                        }
                    }
                    case PDUType.P_DATA_TF -> {
                        while (reader.hasMorePdvs()) {
                            reader.stream().skipNBytes(reader.nextPdv());
                        }
                    }
                    case PDUType.A_ABORT -> handleControlPdu(type);
                    default -> throw new ProtocolException(PDUType.name(type) + " while releasing",
                            AAbort.REASON_UNEXPECTED_PDU);
                }
            }
        } catch (ProtocolException e) {
            abortAfterProtocolError(e);
            throw e;
        } catch (SocketTimeoutException e) {
            abort(AAbort.byProvider(AAbort.REASON_NOT_SPECIFIED));
            throw new AssociationException(name + ": no A-RELEASE-RP within " + timeouts.artim(), null, null, e);
        } catch (EOFException e) {
            throw peerVanished("while releasing");
        }
    }

    /** Sends A-ABORT (possible in every state but Sta1) and closes the connection. */
    public void abort(AAbort abort) {
        if (state == State.STA1) {
            return;
        }
        try {
            sendPdu(PDUEncoder.encode(abort));
            transition(State.STA13, abort + " sent");
            // Sta13: let the A-ABORT reach the peer before the connection goes (a close with unread
            // input would reset it and lose the PDU), then wait, within ARTIM, for the peer to close
            halfClose();
            awaitClose();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> name + ": could not send A-ABORT: " + e.getMessage());
            closeSocket();
            transition(State.STA1, "closed after A-ABORT");
        }
    }

    /**
     * Ends the association from another thread than its reader (a server shutting down): sends
     * A-ABORT by the service provider and closes the connection at once; the reader then sees the close.
     */
    public void terminate() {
        if (state == State.STA1) {
            return;
        }
        try {
            sendPdu(PDUEncoder.encode(AAbort.byProvider(AAbort.REASON_NOT_SPECIFIED)));
            transition(State.STA13, "A-ABORT sent: terminating");
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> name + ": could not send A-ABORT: " + e.getMessage());
        }
        closeSocket();
    }

    private void abortAfterProtocolError(ProtocolException e) {
        LOG.log(Level.INFO, () -> name + ": protocol error, aborting: " + e.getMessage());
        abort(AAbort.byProvider(e.abortReason()));
    }

    AssociationException peerVanished(String where) {
        transition(State.STA1, "peer closed the connection " + where);
        closeSocket();
        return new AssociationException(name + ": peer closed the connection " + where, null, null, null);
    }

    /** Sta13: wait (ARTIM) for the peer to close, then close our side. */
    private void awaitClose() {
        try {
            socket.setSoTimeout(Timeouts.millis(timeouts.artim()));
            while (in.read() >= 0) {
                // PS3.8 AA-6/AA-7: PDUs in Sta13 are ignored
            }
        } catch (IOException e) {
            // timeout or reset: close anyway
        }
        closeSocket();
        transition(State.STA1, "transport connection closed");
    }

    /**
     * Ends our direction of the connection after the last PDU, so that it reaches the peer before the
     * close (TLS has no half-close: its close_notify on close does the same).
     */
    private void halfClose() throws IOException {
        if (!socket.isClosed() && !socket.isOutputShutdown() && !(socket instanceof javax.net.ssl.SSLSocket)) {
            socket.shutdownOutput();
        }
    }

    private void closeSocket() {
        try {
            halfClose();
        } catch (IOException ignored) {
            // already reset by the peer
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    private void transition(State next, String why) {
        State previous = state;
        state = next;
        LOG.log(Level.DEBUG, () -> name + ": " + why + " [" + previous + " -> " + next + "]");
    }

    /** Aborts if still established; closes the socket. */
    @Override
    public void close() {
        if (state != State.STA1 && state != State.STA13) {
            abort(AAbort.byUser());
        }
        closeSocket();
    }

    @Override
    public String toString() {
        return name + " " + state;
    }
}
