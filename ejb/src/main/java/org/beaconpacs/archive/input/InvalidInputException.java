package org.beaconpacs.archive.input;

import jakarta.ejb.ApplicationException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Input that cannot be saved (an application entity, a user), with what is wrong per field. */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

    private final Map<String, Problem> problems;

    public InvalidInputException(Map<String, Problem> problems) {
        super(String.join("; ", problems.values().stream().map(Problem::toString).toList()));
        this.problems = new LinkedHashMap<>(problems);
    }

    public static InvalidInputException of(String field, Problem problem) {
        return new InvalidInputException(Map.of(field, problem));
    }

    /** Field name to problem, in English. */
    public Map<String, String> problems() {
        return problems(Locale.ENGLISH);
    }

    /** Field name to problem, in words of {@code locale}. */
    public Map<String, String> problems(Locale locale) {
        Map<String, String> words = new LinkedHashMap<>();
        problems.forEach((field, problem) -> words.put(field, problem.text(locale)));
        return words;
    }
}
