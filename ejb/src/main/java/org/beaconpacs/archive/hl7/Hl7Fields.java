package org.beaconpacs.archive.hl7;

import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fields of an HL7 v2 message by location ("PID-5-1", "OBR-18", "IPC(1)-4": the second IPC), read from its
 * text with the delimiters its MSH declares and HL7's escapes undone (HAPI's), and HL7's types in DICOM's
 * terms: names (XPN to PN), dates and times (TS to DA and TM). Read straight from the segments: a search
 * through the parsed structure for each of the forty fields of an order cost more than the rest of it.
 */
final class Hl7Fields {

    private final Map<String, List<String>> segments = new HashMap<>();
    private final char field;
    private final char component;
    private final char repetition;
    private final char subcomponent;
    private final EncodingCharacters encoding;

    Hl7Fields(String text) {
        int msh = text.indexOf("MSH");
        field = msh >= 0 && text.length() > msh + 3 ? text.charAt(msh + 3) : '|';
        String enc = msh >= 0 && text.length() > msh + 8 ? text.substring(msh + 4, msh + 8) : "^~\\&";
        component = enc.charAt(0);
        repetition = enc.charAt(1);
        subcomponent = enc.length() > 3 ? enc.charAt(3) : '&';
        encoding = new EncodingCharacters(field, enc);
        for (String segment : text.split("[\r\n]+")) {
            if (segment.length() >= 3) {
                segments.computeIfAbsent(segment.substring(0, 3), k -> new ArrayList<>()).add(segment);
            }
        }
    }

    /** The value at {@code spec} (segment, field, component, subcomponent), trimmed; null if empty or absent. */
    String get(String spec) {
        String[] parts = spec.split("-");
        String name = parts[0];
        int rep = 0;
        int paren = name.indexOf('(');
        if (paren > 0) {
            rep = Integer.parseInt(name.substring(paren + 1, name.indexOf(')')));
            name = name.substring(0, paren);
        }
        List<String> found = segments.get(name);
        if (found == null || found.size() <= rep || parts.length < 2) {
            return null;
        }
        String[] fields = split(found.get(rep), field);
        int n = Integer.parseInt(parts[1]);
        int at = name.equals("MSH") ? n - 1 : n; // MSH-1 is the field separator itself
        if (at >= fields.length || at < 1) {
            return null;
        }
        String v = split(fields[at], repetition)[0];
        if (parts.length > 2) {
            String[] c = split(v, component);
            int ci = Integer.parseInt(parts[2]) - 1;
            v = ci < c.length ? c[ci] : "";
            if (parts.length > 3) {
                String[] sc = split(v, subcomponent);
                int si = Integer.parseInt(parts[3]) - 1;
                v = si < sc.length ? sc[si] : "";
            } else {
                v = split(v, subcomponent)[0];
            }
        } else if (!name.equals("MSH") || n != 2) {
            v = split(split(v, component)[0], subcomponent)[0];
        }
        v = Escape.unescape(v, encoding);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String[] split(String s, char c) {
        return s.split(java.util.regex.Pattern.quote(String.valueOf(c)), -1);
    }

    /** Repetition {@code rep} of a segment: "IPC", 1, "4" is the 4th field of the second IPC. */
    String get(String segment, int rep, String field) {
        return get(segment + "(" + rep + ")-" + field);
    }

    /**
     * An XPN (family^given^middle^suffix^prefix) or the name part of an XCN (id^family^given^middle^suffix^
     * prefix) as a DICOM person name (family^given^middle^prefix^suffix), trailing empty components left out.
     */
    String personName(String field, boolean xcn) {
        int o = xcn ? 1 : 0;
        String[] c = {get(field + "-" + (1 + o)), get(field + "-" + (2 + o)), get(field + "-" + (3 + o)), get(field + "-" + (5 + o)),
            get(field + "-" + (4 + o))};
        int last = c.length - 1;
        while (last >= 0 && c[last] == null) {
            last--;
        }
        if (last < 0) {
            return null;
        }
        StringBuilder pn = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                pn.append('^');
            }
            pn.append(c[i] == null ? "" : c[i]);
        }
        return pn.toString();
    }

    /** The DICOM date (YYYYMMDD) of an HL7 TS / DT value, or null. */
    static String date(String ts) {
        return ts == null || ts.length() < 8 || !ts.substring(0, 8).chars().allMatch(Character::isDigit) ? null
                : ts.substring(0, 8);
    }

    /** The DICOM time (HHMM[SS]) of an HL7 TS value, or null when it has none. */
    static String time(String ts) {
        if (ts == null || ts.length() < 12) {
            return null;
        }
        String t = ts.substring(8, Math.min(ts.length(), 14));
        int end = 0;
        while (end < t.length() && Character.isDigit(t.charAt(end))) {
            end++;
        }
        return end >= 4 ? t.substring(0, end - end % 2) : null;
    }

    static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }
}
