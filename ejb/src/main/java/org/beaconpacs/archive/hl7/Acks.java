package org.beaconpacs.archive.hl7;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What can be read of a message too broken to parse (its MSH fields by position), and the AR
 * acknowledgement it gets, written by hand for want of a parsed message to answer.
 */
final class Acks {

    private static final AtomicLong CONTROL_IDS = new AtomicLong(System.currentTimeMillis());

    private Acks() {
    }

    /** MSH-{@code n} of {@code text}, or null when there is no MSH segment or no such field. */
    static String field(String text, int n) {
        int msh = text.indexOf("MSH");
        if (msh < 0 || text.length() < msh + 4) {
            return null;
        }
        char sep = text.charAt(msh + 3);
        int end = text.indexOf('\r', msh);
        String[] fields = text.substring(msh, end < 0 ? text.length() : end).split(java.util.regex.Pattern.quote(
                String.valueOf(sep)), -1);
        // MSH-1 is the separator itself: MSH-n is fields[n - 1]
        String v = n == 1 ? String.valueOf(sep) : n - 1 < fields.length ? fields[n - 1] : null;
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** MSH-9 with its components, "ORM^O01". */
    static String type(String text) {
        String t = field(text, 9);
        return t == null ? null : String.join("^", java.util.Arrays.stream(t.split("\\^")).limit(2).toList());
    }

    /** An ACK with MSA-1 AR for a message that could not be parsed, naming why in MSA-3. */
    static String reject(String text, String why) {
        String version = field(text, 12);
        return "MSH|^~\\&|BEACON|BEACON|" + nz(field(text, 3)) + "|" + nz(field(text, 4)) + "|"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "||ACK|"
                + CONTROL_IDS.incrementAndGet() + "|P|" + (version == null ? "2.5" : escape(version)) + "\r"
                + "MSA|AR|" + nz(field(text, 10)) + "|" + escape(why.length() > 80 ? why.substring(0, 80) : why)
                + "\r";
    }

    private static String nz(String s) {
        return s == null ? "" : escape(s);
    }

    /** HL7's escape sequences for the delimiters (section 2.7). */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\E\\");
                case '|' -> b.append("\\F\\");
                case '^' -> b.append("\\S\\");
                case '~' -> b.append("\\R\\");
                case '&' -> b.append("\\T\\");
                case '\r', '\n' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
