package org.beaconpacs.archive.activity;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.entity.activity.AssociationRecord;
import org.beaconpacs.archive.entity.activity.NegotiatedContext;
import org.beaconpacs.archive.entity.activity.TracedMessage;

/**
 * An association record as the console and the REST API show it: a value, detached from JPA. Lists of
 * records carry no negotiation and trace ({@code contexts} and {@code messages} empty) unless asked.
 *
 * @param outcome the name of the outcome: RELEASED, ABORTED_BY_PEER, ABORTED, PEER_CLOSED, REJECTED,
 *     NOT_ESTABLISHED
 * @param node the cluster node that served it (its jboss.node.name)
 * @param requests the requests by command, as text ("C-STORE-RQ=12 C-ECHO-RQ=1")
 */
public record AssociationSummary(long id, long serial, String node, String callingAe, String calledAe, String peerHost,
                                 Integer peerPort, Integer localPort, Instant started, Instant ended, String outcome,
                                 String outcomeDetail, long bytesReceived, long bytesSent, Long peerMaxPdu,
                                 Long ourMaxPdu, String peerImplementationClassUid, String peerImplementationVersion,
                                 String requests, Map<String, Integer> requestCounts, int objectsStored,
                                 long bytesStored, String failures, String roles, List<Context> contexts,
                                 List<Message> messages, boolean traceTruncated) implements Serializable {

    /** One presentation context as proposed and answered (PS3.8 table 9-18 result). */
    public record Context(int pcId, String abstractSyntax, String proposedTransferSyntaxes, int result,
                          String transferSyntax) implements Serializable {
    }

    /** One DIMSE message of the trace, with the status of its response and the time it took. */
    public record Message(Instant occurred, String command, int messageId, String sopClassUid, String sopInstanceUid,
                          int status, long micros) implements Serializable {
    }

    static AssociationSummary of(AssociationRecord r, boolean withTrace) {
        List<Context> contexts = !withTrace ? List.of() : r.getContexts().stream().map(AssociationSummary::of).toList();
        List<Message> messages = !withTrace ? List.of() : r.getMessages().stream().map(AssociationSummary::of).toList();
        return new AssociationSummary(r.getId(), r.getSerial(), r.getNode(), r.getCallingAe(), r.getCalledAe(), r.getPeerHost(),
                r.getPeerPort(), r.getLocalPort(), r.getStarted(), r.getEnded(), r.getOutcome().name(),
                r.getOutcomeDetail(), r.getBytesReceived(), r.getBytesSent(), r.getPeerMaxPdu(), r.getOurMaxPdu(),
                r.getPeerImplementationClassUid(), r.getPeerImplementationVersion(), r.getRequests(), r.requestCounts(),
                r.getObjectsStored(), r.getBytesStored(), r.getFailures(), r.getRoles(), contexts, messages,
                r.isTraceTruncated());
    }

    private static Context of(NegotiatedContext c) {
        return new Context(c.getPcId(), c.getAbstractSyntax(), c.getProposedTransferSyntaxes(), c.getResult(),
                c.getTransferSyntax());
    }

    private static Message of(TracedMessage m) {
        return new Message(m.getOccurred(), m.getCommand(), m.getMessageId(), m.getSopClassUid(), m.getSopInstanceUid(),
                m.getStatus(), m.getMicros());
    }
}
