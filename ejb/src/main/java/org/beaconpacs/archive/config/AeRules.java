package org.beaconpacs.archive.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

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

    /** The problems of {@code ae} by field name; empty when it is valid. */
    public static Map<String, String> check(AeDto ae) {
        Map<String, String> problems = new LinkedHashMap<>();
        String title = aeTitleProblem(ae.aeTitle());
        if (title != null) {
            problems.put("aeTitle", title);
        }
        if (ae.port() == null) {
            problems.put("port", "a port is required");
        } else if (ae.port() < 1 || ae.port() > 65535) {
            problems.put("port", "the port must be between 1 and 65535, not " + ae.port());
        }
        if (ae.host() == null || ae.host().isBlank()) {
            if (!ae.local()) {
                problems.put("host", "a remote AE needs a host name or IP address");
            }
        } else if (!isHost(ae.host().strip())) {
            problems.put("host", "\"" + ae.host() + "\" is not a host name or IP address");
        }
        if (ae.description() != null && ae.description().length() > 1000) {
            problems.put("description", "the description is longer than 1000 characters");
        }
        return problems;
    }

    /** Why {@code aeTitle} is not a valid AE title, or null if it is. */
    public static String aeTitleProblem(String aeTitle) {
        if (aeTitle == null || aeTitle.isBlank()) {
            return "an AE title is required";
        }
        String t = aeTitle.strip();
        if (t.length() > 16) {
            return "an AE title has at most 16 characters; \"" + t + "\" has " + t.length();
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\') {
                return "an AE title may not contain a backslash";
            }
            if (c < 0x20 || c == 0x7F) {
                return "an AE title may not contain control characters";
            }
            if (c > 0x7E) {
                return "an AE title may contain only characters of the DICOM default repertoire (ASCII), not '"
                        + c + "'";
            }
        }
        return null;
    }

    private static boolean isHost(String host) {
        return HOST_NAME.matcher(host).matches() || host.contains(":") && IPV6.matcher(host).matches();
    }
}
