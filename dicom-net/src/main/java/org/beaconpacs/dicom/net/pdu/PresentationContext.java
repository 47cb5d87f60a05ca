package org.beaconpacs.dicom.net.pdu;

import java.util.List;
import org.beaconpacs.dicom.dict.UIDDictionary;

/**
 * A presentation context (PS3.8 9.3.2.2 and 9.3.3.2): in an A-ASSOCIATE-RQ an odd ID, an abstract syntax
 * and the transfer syntaxes proposed; in an A-ASSOCIATE-AC the same ID, a result and, if accepted, the
 * one transfer syntax chosen.
 */
public record PresentationContext(int id, String abstractSyntax, List<String> transferSyntaxes, int result) {

    public static final int ACCEPTANCE = 0;
    public static final int USER_REJECTION = 1;
    public static final int NO_REASON = 2;
    public static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    public static final int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    public PresentationContext {
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("presentation context ID must be 1..255: " + id);
        }
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }

    /** A proposed context (the requestor's side). */
    public static PresentationContext rq(int id, String abstractSyntax, String... transferSyntaxes) {
        return new PresentationContext(id, abstractSyntax, List.of(transferSyntaxes), -1);
    }

    /** An answered context (the acceptor's side); {@code transferSyntax} may be null when rejected. */
    public static PresentationContext ac(int id, int result, String transferSyntax) {
        return new PresentationContext(id, null, transferSyntax == null ? List.of() : List.of(transferSyntax), result);
    }

    public boolean isAccepted() {
        return result == ACCEPTANCE;
    }

    /** The accepted transfer syntax of an AC context, or null. */
    public String transferSyntax() {
        return transferSyntaxes.isEmpty() ? null : transferSyntaxes.get(0);
    }

    public static String resultText(int result) {
        return switch (result) {
            case ACCEPTANCE -> "acceptance";
            case USER_REJECTION -> "user-rejection";
            case NO_REASON -> "no-reason (provider rejection)";
            case ABSTRACT_SYNTAX_NOT_SUPPORTED -> "abstract-syntax-not-supported";
            case TRANSFER_SYNTAXES_NOT_SUPPORTED -> "transfer-syntaxes-not-supported";
            default -> "result " + result;
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PresentationContext[id=").append(id);
        if (abstractSyntax != null) {
            sb.append(", as=").append(UIDDictionary.nameOf(abstractSyntax));
        }
        if (result >= 0) {
            sb.append(", result=").append(resultText(result));
        }
        for (String ts : transferSyntaxes) {
            sb.append(", ts=").append(UIDDictionary.nameOf(ts));
        }
        return sb.append(']').toString();
    }
}
