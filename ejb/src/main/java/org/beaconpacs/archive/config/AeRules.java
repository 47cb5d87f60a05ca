package org.beaconpacs.archive.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.beaconpacs.archive.input.Problem;
import org.beaconpacs.dicom.dict.UIDDictionary;

/**
 * What makes an application entity valid: an AE title of the AE value representation (PS3.5 6.2:
 * 1 to 16 characters of the default repertoire, no backslash, no control characters; leading and
 * trailing spaces are not significant), a port from 1 to 65535, and a host name or address.
 * Each problem is reported against its field, in words for the administrator.
 */
public final class AeRules {

    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?");

    private AeRules() {
    }

    /** The problems of {@code ae} by field name, in English; empty when it is valid. */
    public static Map<String, String> check(AeDto ae) {
        Map<String, String> english = new LinkedHashMap<>();
        problems(ae).forEach((field, problem) -> english.put(field, problem.toString()));
        return english;
    }

    /** The problems of {@code ae} by field name, to be put in words of any locale; empty when it is valid. */
    public static Map<String, Problem> problems(AeDto ae) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        Problem title = aeTitle(ae.aeTitle());
        if (title != null) {
            problems.put("aeTitle", title);
        }
        if (ae.port() == null) {
            problems.put("port", new Problem("port.required"));
        } else if (ae.port() < 1 || ae.port() > 65535) {
            problems.put("port", new Problem("port.range", String.valueOf(ae.port())));
        }
        if (ae.host() == null || ae.host().isBlank()) {
            if (!ae.local()) {
                problems.put("host", new Problem("host.required"));
            }
        } else if (!isHost(ae.host().strip())) {
            problems.put("host", new Problem("host.invalid", ae.host()));
        }
        if (ae.description() != null && ae.description().length() > 1000) {
            problems.put("description", new Problem("description.tooLong"));
        }
        if (ae.local() && ae.restrictsStorage()) {
            ae.storageSopClasses().stream()
                    .filter(c -> !UIDDictionary.storageSopClasses().contains(c)).findFirst()
                    .ifPresent(c -> problems.put("storageSopClasses", new Problem("storageSopClasses.unknown", c)));
        }
        return problems;
    }

    /** Why {@code aeTitle} is not a valid AE title, in English, or null if it is. */
    public static String aeTitleProblem(String aeTitle) {
        Problem p = aeTitle(aeTitle);
        return p == null ? null : p.toString();
    }

    /** Why {@code aeTitle} is not a valid AE title, or null if it is. */
    public static Problem aeTitle(String aeTitle) {
        if (aeTitle == null || aeTitle.isBlank()) {
            return new Problem("aeTitle.required");
        }
        String t = aeTitle.strip();
        if (t.length() > 16) {
            return new Problem("aeTitle.tooLong", t, t.length());
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\') {
                return new Problem("aeTitle.backslash");
            }
            if (c < 0x20 || c == 0x7F) {
                return new Problem("aeTitle.control");
            }
            if (c > 0x7E) {
                return new Problem("aeTitle.repertoire", String.valueOf(c));
            }
        }
        return null;
    }

    private static boolean isHost(String host) {
        return HOST_NAME.matcher(host).matches() || host.contains(":") && IPV6.matcher(host).matches();
    }
}
