package org.beaconpacs.dicom.time;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;

/**
 * DA, TM and DT values (PS3.5 table 6.2-1): parsing of full and partial values, fractional seconds and
 * UTC offsets, and formatting.
 *
 * <p>A partial value ("2004", "1012") stands for an interval; {@code upper} selects which end to
 * return, so that a query range on partial values includes everything the partial value covers. The
 * ACR-NEMA forms "yyyy.mm.dd" and "hh:mm:ss" that old devices still send are accepted when reading.
 */
public final class DateTimes {

    private DateTimes() {
    }

    /** Parses a DA value: "yyyymmdd" (or "yyyy.mm.dd"). */
    public static LocalDate parseDA(String s) {
        String v = s.trim();
        if (v.length() == 10 && v.charAt(4) == '.' && v.charAt(7) == '.') {
            v = v.substring(0, 4) + v.substring(5, 7) + v.substring(8);
        }
        if (v.length() != 8) {
            throw new DateTimeParseException("DA must have 8 digits", s, 0);
        }
        return LocalDate.of(digits(s, v, 0, 4), digits(s, v, 4, 6), digits(s, v, 6, 8));
    }

    /** Parses a TM value "hh[mm[ss[.f{1,6}]]]" (or "hh:mm:ss"); missing parts are their minimum or, with {@code upper}, maximum. */
    public static LocalTime parseTM(String s, boolean upper) {
        String v = s.trim().replace(":", "");
        int n = v.indexOf('.') >= 0 ? v.indexOf('.') : v.length();
        if (n != 2 && n != 4 && n != 6) {
            throw new DateTimeParseException("TM must be hh, hhmm or hhmmss", s, 0);
        }
        int hour = digits(s, v, 0, 2);
        int minute = n >= 4 ? digits(s, v, 2, 4) : upper ? 59 : 0;
        int second = n >= 6 ? digits(s, v, 4, 6) : upper ? 59 : 0;
        int nanos = n < v.length() ? fraction(s, v.substring(n + 1), upper) : upper ? 999_999_000 : 0;
        if (second == 60) { // leap second: the standard allows it, java.time does not
            second = 59;
            nanos = 999_999_000;
        }
        return LocalTime.of(hour, minute, second, nanos);
    }

    public static LocalTime parseTM(String s) {
        return parseTM(s, false);
    }

    /**
     * Parses a DT value "YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]][&amp;ZZXX]": an {@link OffsetDateTime} when it has
     * an offset, else a {@link LocalDateTime}.
     */
    public static Temporal parseDT(String s, boolean upper) {
        String v = s.trim();
        ZoneOffset offset = null;
        int sign = Math.max(v.lastIndexOf('+'), v.lastIndexOf('-'));
        if (sign > 0) {
            offset = ZoneOffset.ofHoursMinutes(
                    (v.charAt(sign) == '-' ? -1 : 1) * digits(s, v, sign + 1, sign + 3),
                    (v.charAt(sign) == '-' ? -1 : 1) * digits(s, v, sign + 3, sign + 5));
            if (v.length() != sign + 5) {
                throw new DateTimeParseException("UTC offset must be &ZZXX", s, sign);
            }
            v = v.substring(0, sign);
        }
        int n = v.indexOf('.') >= 0 ? v.indexOf('.') : v.length();
        if (n < 4 || n > 14 || (n & 1) != 0) {
            throw new DateTimeParseException("DT must be YYYY[MM[DD[HH[MM[SS]]]]]", s, 0);
        }
        int year = digits(s, v, 0, 4);
        int month = n >= 6 ? digits(s, v, 4, 6) : upper ? 12 : 1;
        LocalDate firstOfMonth = LocalDate.of(year, month, 1);
        int day = n >= 8 ? digits(s, v, 6, 8) : upper ? firstOfMonth.lengthOfMonth() : 1;
        LocalDate date = LocalDate.of(year, month, day);
        LocalTime time = n > 8 ? parseTM(v.substring(8), upper) : upper ? LocalTime.of(23, 59, 59, 999_999_000)
                : LocalTime.MIDNIGHT;
        LocalDateTime ldt = LocalDateTime.of(date, time);
        return offset == null ? ldt : OffsetDateTime.of(ldt, offset);
    }

    public static Temporal parseDT(String s) {
        return parseDT(s, false);
    }

    private static int fraction(String original, String f, boolean upper) {
        if (f.isEmpty() || f.length() > 6) {
            throw new DateTimeParseException("fraction must have 1 to 6 digits", original, 0);
        }
        StringBuilder padded = new StringBuilder(f);
        while (padded.length() < 6) {
            padded.append(upper ? '9' : '0');
        }
        return digits(original, padded.toString(), 0, 6) * 1000;
    }

    private static int digits(String original, String s, int from, int to) {
        if (to > s.length()) {
            throw new DateTimeParseException("value too short", original, from);
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeParseException("not a digit: '" + c + "'", original, i);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    public static String formatDA(LocalDate d) {
        return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    /** "hhmmss", with ".ffffff" only when the time has a fraction. */
    public static String formatTM(LocalTime t) {
        String s = String.format("%02d%02d%02d", t.getHour(), t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        return micros == 0 ? s : s + String.format(".%06d", micros);
    }

    /** "YYYYMMDDhhmmss[.ffffff][&amp;ZZXX]" from a LocalDateTime, OffsetDateTime or ZonedDateTime. */
    public static String formatDT(TemporalAccessor t) {
        LocalDateTime ldt = LocalDateTime.from(t);
        String s = formatDA(ldt.toLocalDate()) + formatTM(ldt.toLocalTime());
        if (t.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)) {
            int seconds = t.get(java.time.temporal.ChronoField.OFFSET_SECONDS);
            int abs = Math.abs(seconds);
            s += String.format("%c%02d%02d", seconds < 0 ? '-' : '+', abs / 3600, abs / 60 % 60);
        }
        return s;
    }
}
