package org.beaconpacs.dicom.time;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import org.beaconpacs.dicom.data.VR;

/**
 * A range of DA, TM or DT values as used by C-FIND range matching (PS3.4 C.2.2.2.5): "a-b", "a-",
 * "-b", or a single value that stands for everything it covers. An open end is null.
 */
public record DateRange(Temporal lower, Temporal upper) {

    /** Parses a DA, TM or DT range value. */
    public static DateRange parse(String value, VR vr) {
        String v = value.trim();
        int dash = rangeDash(v, vr);
        if (dash < 0) {
            return new DateRange(parse(v, vr, false), parse(v, vr, true));
        }
        String from = v.substring(0, dash).trim();
        String to = v.substring(dash + 1).trim();
        if (from.isEmpty() && to.isEmpty()) {
            throw new IllegalArgumentException("range without ends: " + value);
        }
        return new DateRange(from.isEmpty() ? null : parse(from, vr, false), to.isEmpty() ? null : parse(to, vr, true));
    }

    /** The '-' that separates the ends; a DT offset sign ("&amp;ZZXX") is not one. */
    private static int rangeDash(String v, VR vr) {
        if (vr != VR.DT) {
            return v.indexOf('-');
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) == '-') {
                // an offset sign follows at least 4 digits of a value and is followed by exactly 4 digits
                boolean offsetSign = i >= 4 && i + 5 <= v.length() && (i + 5 == v.length() || v.charAt(i + 5) == '-')
                        && v.substring(i + 1, i + 5).chars().allMatch(Character::isDigit)
                        && !v.substring(0, i).contains("-") && v.substring(0, i).length() > 4
                        && v.substring(0, i).chars().allMatch(c -> Character.isDigit(c) || c == '.');
                if (!offsetSign) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static Temporal parse(String s, VR vr, boolean upper) {
        return switch (vr) {
            case DA -> DateTimes.parseDA(s);
            case TM -> DateTimes.parseTM(s, upper);
            case DT -> DateTimes.parseDT(s, upper);
            default -> throw new IllegalArgumentException("not a date/time VR: " + vr);
        };
    }

    /** True if {@code t} lies within the range (ends included). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public boolean contains(Temporal t) {
        Comparable c = (Comparable) t;
        return (lower == null || c.compareTo(lower) >= 0) && (upper == null || c.compareTo(upper) <= 0);
    }

    /** The whole day a DA value stands for, as times. */
    public static DateRange ofDay(LocalDate day) {
        return new DateRange(day.atTime(LocalTime.MIN), day.atTime(LocalTime.MAX));
    }
}
