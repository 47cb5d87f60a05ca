package org.beaconpacs.archive.rar;

import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.beaconpacs.archive.rar.api.AssociationInfo;
import org.beaconpacs.archive.rar.api.AssociationReport;
import org.beaconpacs.archive.rar.api.AssociationReport.ContextResult;
import org.beaconpacs.archive.rar.api.AssociationReport.MessageTrace;
import org.beaconpacs.archive.rar.api.AssociationReport.Negotiation;
import org.beaconpacs.archive.rar.api.AssociationReport.Outcome;
import org.beaconpacs.dicom.net.association.Association;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateAC;
import org.beaconpacs.dicom.net.pdu.AAssociateRJ;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.pdu.RoleSelection;
import org.beaconpacs.dicom.net.scp.AssociationMonitor;

/**
 * Builds the activity record of one accepted connection from the association's events and hands it
 * on when the connection ends. The DIMSE trace is bounded: a long C-STORE association keeps its first
 * {@value #MAX_TRACE} messages and its counts.
 */
final class ActivityRecorder implements AssociationMonitor {

    static final int MAX_TRACE = 500;

    private final long serial;
    private final Socket socket;
    private final Instant start = Instant.now();
    private final Consumer<AssociationReport> sink;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final List<MessageTrace> trace = new ArrayList<>();
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private final java.util.Set<Integer> storedMessages = new java.util.HashSet<>();
    private int objectsStored;
    private long bytesStored;
    private boolean truncated;
    private AssociationInfo info;
    private Negotiation negotiation;

    ActivityRecorder(long serial, Socket socket, Consumer<AssociationReport> sink) {
        this.serial = serial;
        this.socket = socket;
        this.sink = sink;
    }

    /** Who is talking, once the A-ASSOCIATE-RQ has been read. */
    AssociationInfo info() {
        return info;
    }

    @Override
    public void rejected(Socket s, AAssociateRQ rq, AAssociateRJ rj) {
        info = info(rq);
        negotiation = negotiation(rq, null);
        report(Outcome.REJECTED, rj.reasonText(), 0, 0);
    }

    @Override
    public void failed(Socket s, String why) {
        info = new AssociationInfo(serial, null, null, peerHost(), socket.getPort(), socket.getLocalPort());
        report(Outcome.NOT_ESTABLISHED, why, 0, 0);
    }

    @Override
    public void established(Association association) {
        AAssociateRQ rq = association.associateRequest();
        info = new AssociationInfo(serial, rq.callingAeTitle(), rq.calledAeTitle(), peerHost(), socket.getPort(),
                socket.getLocalPort(), association.associateAccept().extendedNegotiations());
        negotiation = negotiation(association.associateRequest(), association.associateAccept());
    }

    @Override
    public synchronized void request(Association association, Command request) {
        counts.merge(CommandField.name(request.commandField()), 1, Integer::sum);
    }

    /** The data set of request {@code messageId} was read: {@code bytes} long; counted if it was stored. */
    synchronized void dataSetRead(int messageId, long bytes) {
        if (storedMessages.remove(messageId)) {
            bytesStored += bytes;
        }
    }

    @Override
    public synchronized void responded(Association association, Command request, Command response, long nanos) {
        Status.Category category = Status.category(response.status());
        if (category == Status.Category.FAILURE) {
            failures.merge(CommandField.name(request.commandField()) + " "
                    + String.format("0x%04X", response.status()), 1, Integer::sum);
        }
        if (request.commandField() == CommandField.C_STORE_RQ
                && (category == Status.Category.SUCCESS || category == Status.Category.WARNING)) {
            objectsStored++;
            storedMessages.add(request.messageId());
        }
        if (trace.size() >= MAX_TRACE) {
            truncated = true;
            return;
        }
        trace.add(new MessageTrace(Instant.now(), CommandField.name(request.commandField()), request.messageId(),
                request.sopClassUid(), request.sopInstanceUid(), response.status(), nanos / 1000));
    }

    @Override
    public void ended(Association association, Ending ending, String detail) {
        Outcome outcome = switch (ending) {
            case RELEASED -> Outcome.RELEASED;
            case ABORTED_BY_PEER -> Outcome.ABORTED_BY_PEER;
            case ABORTED -> Outcome.ABORTED;
            case PEER_CLOSED -> Outcome.PEER_CLOSED;
        };
        report(outcome, detail, association.bytesReceived(), association.bytesSent());
    }

    private synchronized void report(Outcome outcome, String detail, long in, long out) {
        sink.accept(new AssociationReport(info, start, Instant.now(), outcome, detail, in, out, negotiation,
                Map.copyOf(counts), objectsStored, bytesStored, Map.copyOf(failures), List.copyOf(trace), truncated));
    }

    private AssociationInfo info(AAssociateRQ rq) {
        return new AssociationInfo(serial, rq.callingAeTitle(), rq.calledAeTitle(), peerHost(), socket.getPort(),
                socket.getLocalPort());
    }

    private String peerHost() {
        return socket.getInetAddress() == null ? null : socket.getInetAddress().getHostAddress();
    }

    private static Negotiation negotiation(AAssociateRQ rq, AAssociateAC ac) {
        List<ContextResult> contexts = new ArrayList<>();
        for (PresentationContext proposed : rq.presentationContexts()) {
            PresentationContext answer = ac == null ? null : ac.presentationContext(proposed.id());
            contexts.add(new ContextResult(proposed.id(), proposed.abstractSyntax(),
                    List.copyOf(proposed.transferSyntaxes()),
                    answer == null ? -1 : answer.result(),
                    answer != null && answer.isAccepted() ? answer.transferSyntax() : null));
        }
        List<String> roles = new ArrayList<>();
        for (RoleSelection rs : rq.roleSelections()) {
            RoleSelection answer = ac == null ? null : ac.roleSelection(rs.sopClass());
            roles.add(rs.sopClass() + " proposed SCU=" + rs.scu() + " SCP=" + rs.scp()
                    + (answer == null ? " (not answered)" : ", accepted SCU=" + answer.scu() + " SCP=" + answer.scp()));
        }
        return new Negotiation(rq.maxPduLength(), ac == null ? 0 : ac.maxPduLength(), rq.implementationClassUid(),
                rq.implementationVersionName(), contexts, roles);
    }
}
