package org.beaconpacs.archive.rar.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The activity record of one association as it happened, what an engineer would otherwise read from a
 * packet capture: who, when, the negotiation (each proposed context with its result), the requests
 * counted by command, objects stored (C-STORE with success or warning) and their bytes, failure
 * statuses counted by command and status ("C-STORE-RQ 0xA900"), a bounded trace of the DIMSE
 * messages, bytes each way, and how it ended.
 */
public record AssociationReport(
        AssociationInfo association,
        Instant start,
        Instant end,
        Outcome outcome,
        String outcomeDetail,
        long bytesReceived,
        long bytesSent,
        Negotiation negotiation,
        Map<String, Integer> requestCounts,
        int objectsStored,
        long bytesStored,
        Map<String, Integer> failures,
        List<MessageTrace> trace,
        boolean traceTruncated) implements Serializable {

    /** How the outcome detail of a connection refused in its TLS handshake begins (node authentication). */
    public static final String TLS_FAILED = "TLS handshake failed: ";

    /** How the association ended. */
    public enum Outcome { RELEASED, ABORTED_BY_PEER, ABORTED, PEER_CLOSED, REJECTED, NOT_ESTABLISHED }

    /** The negotiation: both sides' limits and implementations, the contexts and the roles. */
    public record Negotiation(long peerMaxPduLength, long ourMaxPduLength, String peerImplementationClassUid,
                              String peerImplementationVersionName, List<ContextResult> contexts,
                              List<String> roleSelections) implements Serializable {
    }

    /** One proposed presentation context and its answer; {@code transferSyntax} is null when not accepted. */
    public record ContextResult(int id, String abstractSyntax, List<String> proposedTransferSyntaxes, int result,
                                String transferSyntax) implements Serializable {
    }

    /** One request and its final response. {@code status} is -1 when no response was sent. */
    public record MessageTrace(Instant time, String command, int messageId, String sopClassUid,
                               String sopInstanceUid, int status, long micros) implements Serializable {
    }
}
