package org.beaconpacs.archive.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.beaconpacs.archive.input.Problem;

/**
 * What a password set through the console or the API must be (README "Accounts"), after NIST SP 800-63B:
 * long enough ({@code BEACON_PASSWORD_MIN_LENGTH}, 10 by default), not the user name or a part of it, not one
 * character repeated or a run of the keyboard or the alphabet, not a password every guesser tries first. No
 * rules of character classes: they make passwords harder to remember, not to guess.
 */
public final class PasswordPolicy {

    /** Guessed first, whatever their length (and their variants with a digit or two appended). */
    private static final Set<String> COMMON = Set.of("password", "passw0rd", "123456789", "1234567890",
            "qwertyuiop", "iloveyou", "letmein", "welcome", "administrator", "changeit", "changeme", "trustno1",
            "dragon", "football", "baseball", "sunshine", "princess", "starwars", "superman", "monkey",
            "hospital", "radiology", "pacs", "dicom", "beacon", "secret", "master", "shadow");
    private static final String[] RUNS = {"abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiopasdfghjklzxcvbnm"};

    private PasswordPolicy() {
    }

    public static int minLength() {
        return Integer.getInteger("beacon.password.min-length", 10);
    }

    /** Why {@code password} may not be {@code user}'s, or empty when it may. */
    public static Optional<Problem> problem(String user, String password) {
        if (password == null || password.length() < minLength()) {
            return Optional.of(new Problem("user.password", minLength()));
        }
        String p = password.toLowerCase(Locale.ROOT);
        String name = user == null ? "" : user.toLowerCase(Locale.ROOT);
        if (name.length() >= 3 && (p.contains(name) || name.contains(p))) {
            return Optional.of(new Problem("user.password.name"));
        }
        if (p.chars().distinct().count() <= 2 || run(p)) {
            return Optional.of(new Problem("user.password.simple"));
        }
        String stem = p.replaceAll("[0-9!.?]{0,4}$", "");
        if (COMMON.contains(p) || COMMON.contains(stem)) {
            return Optional.of(new Problem("user.password.common"));
        }
        return Optional.empty();
    }

    /** The whole password is a stretch of a run (abcdefghij, 9876543210, qwertyuiop), forwards or backwards. */
    private static boolean run(String p) {
        String reversed = new StringBuilder(p).reverse().toString();
        for (String r : RUNS) {
            if (r.contains(p) || r.contains(reversed)) {
                return true;
            }
        }
        return false;
    }
}
