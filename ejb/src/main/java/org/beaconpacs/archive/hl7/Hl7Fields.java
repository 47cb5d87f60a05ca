package org.beaconpacs.archive.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import java.util.Locale;

/**
 * Fields of a parsed HL7 v2 message by location ("PID-5-1", "OBR-18"), found wherever the segment sits
 * in the message's structure, and HL7's types in DICOM's terms: names (XPN to PN), dates and times (TS to
 * DA and TM).
 */
final class Hl7Fields {

    private final Terser terser;

    Hl7Fields(Message message) {
        this.terser = new Terser(message);
    }

    /** The value at {@code spec} (segment, field, component, subcomponent), trimmed; null if empty or absent. */
    String get(String spec) {
        try {
            String v = terser.get("/." + spec);
            return v == null || v.isBlank() ? null : v.strip();
        } catch (HL7Exception | RuntimeException e) {
            return null; // the segment is not in this message
        }
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
        String family = get(field + "-" + (1 + o) + (xcn ? "" : "-1"));
        if (!xcn && family == null) {
            family = get(field + "-1");
        }
        String[] c = {family, get(field + "-" + (2 + o)), get(field + "-" + (3 + o)), get(field + "-" + (5 + o)),
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
