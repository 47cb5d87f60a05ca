package org.beaconpacs.archive.config;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/** An application entity that cannot be saved, with what is wrong per field. */
@ApplicationException(rollback = true)
public class InvalidAeException extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidAeException(Map<String, String> problems) {
        super(String.join("; ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public static InvalidAeException of(String field, String problem) {
        return new InvalidAeException(Map.of(field, problem));
    }

    /** Field name to problem. */
    public Map<String, String> problems() {
        return problems;
    }
}
