package org.beaconpacs.archive.query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Locale;
import java.util.regex.Pattern;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.time.DateRange;

/**
 * Attribute matching of PS3.4 C.2.2.2: whether the attributes of one stored entity match every key of an
 * identifier. Single value, list of UIDs, universal (zero length), wildcard ({@code *}, {@code ?}), range
 * (DA, TM, DT; combined date and time when negotiated), sequence (one item) and empty value ({@code ""})
 * matching. This is the authority on what matches; the database query before it only narrows the rows.
 */
public final class AttributeMatching {

    /** Two double quotes: matches an entity whose value is empty (PS3.4 C.2.2.2.1.1). */
    static final String EMPTY_VALUE = "\"\"";

    /** Date and time attributes that combined date-time matching reads as one DT (PS3.4 C.2.2.2.5.1). */
    private static final int[][] DATE_TIME_PAIRS = {
        {Tag.StudyDate, Tag.StudyTime}, {Tag.SeriesDate, Tag.SeriesTime}, {Tag.AcquisitionDate, Tag.AcquisitionTime},
        {Tag.ContentDate, Tag.ContentTime}, {Tag.PatientBirthDate, Tag.PatientBirthTime},
        {Tag.PerformedProcedureStepStartDate, Tag.PerformedProcedureStepStartTime},
        {Tag.ScheduledProcedureStepStartDate, Tag.ScheduledProcedureStepStartTime},
    };

    /**
     * @param fuzzyPersonNames Person Name values match case-insensitively and without trailing empty
     *     components ("DOE^JOHN" matches "Doe^John^^"); false: exactly, as single value matching says
     * @param combinedDateTime date and time keys of a pair match as one date-time range (negotiated)
     */
    public record Options(boolean fuzzyPersonNames, boolean combinedDateTime) {
    }

    private AttributeMatching() {
    }

    /** Whether {@code stored} matches every key of {@code keys}; keys without a value match anything. */
    public static boolean matches(Attributes keys, Attributes stored, Options options) {
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (!isMatchingKey(tag) || options.combinedDateTime() && isCombined(keys, tag)) {
                continue;
            }
            if (!matches(keys, i, stored, options)) {
                return false;
            }
        }
        return !options.combinedDateTime() || combinedMatch(keys, stored);
    }

    /** Keys that describe the query rather than the entities. */
    static boolean isMatchingKey(int tag) {
        return tag != Tag.SpecificCharacterSet && tag != Tag.QueryRetrieveLevel && tag != Tag.RetrieveAETitle
                && tag != Tag.InstanceAvailability && tag != Tag.TimezoneOffsetFromUTC && (tag >>> 16) > 0x0002;
    }

    private static boolean matches(Attributes keys, int i, Attributes stored, Options options) {
        int tag = keys.tagAt(i);
        VR vr = keys.vrAt(i);
        if (vr == VR.SQ) {
            return sequenceMatches(keys.getSequence(tag), stored.getSequence(tag), options);
        }
        String[] key = keys.getStrings(tag);
        if (key == null || key.length == 0) {
            return true; // universal matching
        }
        String[] values = stored.getStrings(tag);
        if (key.length == 1 && key[0].equals(EMPTY_VALUE)) {
            return values == null || values.length == 0;
        }
        if (values == null || values.length == 0) {
            return false; // an unknown value matches no value (C.2.2.2.1)
        }
        for (String k : key) { // several values in a key: any of them (list of UID matching, and likewise)
            for (String v : values) {
                if (valueMatches(vr, k, v, options)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean valueMatches(VR vr, String key, String value, Options options) {
        switch (vr) {
            case DA, TM, DT -> {
                return inRange(DateRange.parse(key, vr), vr, value);
            }
            case PN -> {
                return personNameMatches(key, value, options.fuzzyPersonNames());
            }
            case UI -> {
                return key.equals(value);
            }
            default -> {
                if (allowsWildcards(vr) && hasWildcard(key)) {
                    return wildcard(key, false).matcher(value).matches();
                }
                return key.equals(value);
            }
        }
    }

    private static boolean inRange(DateRange range, VR vr, String value) {
        Temporal t;
        try {
            t = switch (vr) {
                case DA -> org.beaconpacs.dicom.time.DateTimes.parseDA(value);
                case TM -> org.beaconpacs.dicom.time.DateTimes.parseTM(value);
                default -> local(org.beaconpacs.dicom.time.DateTimes.parseDT(value));
            };
        } catch (RuntimeException e) {
            return false; // a stored value that is no date matches no range
        }
        return vr == VR.DT ? new DateRange(local(range.lower()), local(range.upper())).contains(t) : range.contains(t);
    }

    /** A DT with an offset compared by its local date and time: timezone adjustment is not negotiated. */
    private static Temporal local(Temporal t) {
        return t instanceof OffsetDateTime o ? o.toLocalDateTime() : t;
    }

    /**
     * Person Name matching. Fuzzy: case-insensitive, trailing empty components and groups ignored, and a key
     * without component groups ('=') matches any one group of the value (alphabetic, ideographic, phonetic).
     */
    static boolean personNameMatches(String key, String value, boolean fuzzy) {
        if (!fuzzy) {
            return hasWildcard(key) ? wildcard(key, false).matcher(value).matches() : key.equals(value);
        }
        String k = normalizedName(key);
        String v = normalizedName(value);
        Pattern p = hasWildcard(k) ? wildcard(k, false) : null;
        if (p == null ? k.equals(v) : p.matcher(v).matches()) {
            return true;
        }
        if (k.indexOf('=') < 0) {
            for (String group : v.split("=", -1)) {
                String g = normalizedName(group);
                if (p == null ? k.equals(g) : p.matcher(g).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Upper case, without trailing spaces, empty components ('^') or empty component groups ('='). */
    public static String normalizedName(String name) {
        String[] groups = name.toUpperCase(Locale.ROOT).split("=", -1);
        StringBuilder sb = new StringBuilder(name.length());
        int last = -1;
        for (int g = 0; g < groups.length; g++) {
            String[] components = groups[g].split("\\^", -1);
            int n = components.length;
            while (n > 0 && components[n - 1].isBlank()) {
                n--;
            }
            StringBuilder group = new StringBuilder();
            for (int c = 0; c < n; c++) {
                group.append(c > 0 ? "^" : "").append(components[c].strip());
            }
            groups[g] = group.toString();
            if (!groups[g].isEmpty()) {
                last = g;
            }
        }
        for (int g = 0; g <= last; g++) {
            sb.append(g > 0 ? "=" : "").append(groups[g]);
        }
        return sb.toString();
    }

    private static boolean sequenceMatches(Sequence key, Sequence stored, Options options) {
        if (key == null || key.isEmpty() || !hasValue(key.get(0))) {
            return true; // universal: the sequence is a return key
        }
        if (stored == null) {
            return false;
        }
        for (Attributes item : stored) {
            if (matches(key.get(0), item, options)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an identifier (or sequence item) has any key with a value to match. */
    static boolean hasValue(Attributes keys) {
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (!isMatchingKey(tag)) {
                continue;
            }
            if (keys.vrAt(i) == VR.SQ) {
                Sequence s = keys.getSequence(tag);
                if (s != null && !s.isEmpty() && hasValue(s.get(0))) {
                    return true;
                }
            } else {
                String[] v = keys.getStrings(tag);
                if (v != null && v.length > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------ combined date and time (C.2.2.2.5.1)

    private static boolean isCombined(Attributes keys, int tag) {
        for (int[] pair : DATE_TIME_PAIRS) {
            if ((tag == pair[0] || tag == pair[1]) && hasPlainValue(keys, pair[0]) && hasPlainValue(keys, pair[1])) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasPlainValue(Attributes keys, int tag) {
        String v = keys.getString(tag);
        return v != null && !v.equals(EMPTY_VALUE);
    }

    private static boolean combinedMatch(Attributes keys, Attributes stored) {
        for (int[] pair : DATE_TIME_PAIRS) {
            if (hasPlainValue(keys, pair[0]) && hasPlainValue(keys, pair[1])
                    && !combinedMatch(keys.getString(pair[0]), keys.getString(pair[1]),
                            stored.getString(pair[0]), stored.getString(pair[1]))) {
                return false;
            }
        }
        return true;
    }

    /** Date range and time range read as one range from (lower date, lower time) to (upper date, upper time). */
    static boolean combinedMatch(String dateKey, String timeKey, String date, String time) {
        if (date == null) {
            return false;
        }
        DateRange days = DateRange.parse(dateKey, VR.DA);
        DateRange times = DateRange.parse(timeKey, VR.TM);
        LocalDateTime lower = days.lower() == null ? null
                : ((LocalDate) days.lower()).atTime(times.lower() == null ? LocalTime.MIN : (LocalTime) times.lower());
        LocalDateTime upper = days.upper() == null ? null
                : ((LocalDate) days.upper()).atTime(times.upper() == null ? LocalTime.MAX : (LocalTime) times.upper());
        LocalDateTime value;
        try {
            LocalDate d = org.beaconpacs.dicom.time.DateTimes.parseDA(date);
            value = time == null ? null : d.atTime(org.beaconpacs.dicom.time.DateTimes.parseTM(time));
            if (value == null) { // no time stored: the day matches if any of it lies in the range
                return new DateRange(lower, upper).contains(d.atTime(LocalTime.MAX))
                        || new DateRange(lower, upper).contains(d.atTime(LocalTime.MIN));
            }
        } catch (RuntimeException e) {
            return false;
        }
        return new DateRange(lower, upper).contains(value);
    }

    // ------------------------------------------------------------ wildcards (C.2.2.2.4)

    static boolean allowsWildcards(VR vr) {
        return switch (vr) {
            case AE, CS, LO, LT, PN, SH, ST, UC, UT -> true;
            default -> false;
        };
    }

    public static boolean hasWildcard(String key) {
        return key.indexOf('*') >= 0 || key.indexOf('?') >= 0;
    }

    /** {@code *} any run of characters, {@code ?} one character, everything else itself. */
    static Pattern wildcard(String key, boolean caseInsensitive) {
        StringBuilder re = new StringBuilder(key.length() + 8);
        StringBuilder literal = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            re.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE : 0));
    }
}
