package org.beaconpacs.archive.query;

import jakarta.ejb.ApplicationException;

/**
 * An identifier the query/retrieve service cannot take, with the attribute at fault: a level the model
 * lacks, a unique key a hierarchical query needs, a value that is no date range... Each interface answers
 * it its own way (DIMSE: status 0xA900 or 0xC000 with the error comment and offending element).
 */
@ApplicationException
public class InvalidQueryException extends Exception {

    /** What is wrong: the identifier's structure, or a value in it. */
    public enum Kind { IDENTIFIER, VALUE }

    private final Kind kind;
    private final int offendingTag;

    public InvalidQueryException(Kind kind, String message, int offendingTag) {
        super(message);
        this.kind = kind;
        this.offendingTag = offendingTag;
    }

    public Kind kind() {
        return kind;
    }

    public int offendingTag() {
        return offendingTag;
    }
}
