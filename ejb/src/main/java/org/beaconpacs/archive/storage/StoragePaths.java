package org.beaconpacs.archive.storage;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Where a stored object lives, relative to the storage root:
 * {@code yyyy/MM/dd/xx/<Study UID>/<Series UID>/<SOP Instance UID>.dcm} — the day it was received,
 * then a bucket from the study UID's hash. No directory grows without bound (a day holds 256 buckets;
 * a series directory holds its instances), and recovery after a crash only walks the latest days.
 */
final class StoragePaths {

    private StoragePaths() {
    }

    static String relative(LocalDate day, String studyUid, String seriesUid, String sopInstanceUid) {
        check(studyUid);
        check(seriesUid);
        check(sopInstanceUid);
        // by hand, not String.format: this runs for every stored object
        StringBuilder sb = new StringBuilder(40 + studyUid.length() + seriesUid.length() + sopInstanceUid.length());
        sb.append(day.getYear()).append('/');
        twoDigits(sb, day.getMonthValue()).append('/');
        twoDigits(sb, day.getDayOfMonth()).append('/');
        int hash = studyUid.hashCode() & 0xFF;
        sb.append(Character.forDigit(hash >> 4, 16)).append(Character.forDigit(hash & 0xF, 16)).append('/');
        return sb.append(studyUid).append('/').append(seriesUid).append('/').append(sopInstanceUid).append(".dcm")
                .toString();
    }

    private static StringBuilder twoDigits(StringBuilder sb, int n) {
        return sb.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    /** The day folder of {@code day} under {@code root}. */
    static Path dayFolder(Path root, LocalDate day) {
        return root.resolve(String.format("%04d/%02d/%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
    }

    /** A UID becomes a path segment only if it is a UID: digits and dots, nothing a path could misuse. */
    private static void check(String uid) {
        if (uid == null || uid.isEmpty() || uid.length() > 64 || !digitsAndDots(uid)) {
            throw new IllegalArgumentException("not a valid UID: \"" + uid + "\"");
        }
    }

    /** [0-9]+(\.[0-9]+)*: digits in groups separated by single dots. */
    private static boolean digitsAndDots(String uid) {
        boolean digitBefore = false;
        for (int i = 0; i < uid.length(); i++) {
            char c = uid.charAt(i);
            if (c == '.') {
                if (!digitBefore) {
                    return false;
                }
                digitBefore = false;
            } else if (c >= '0' && c <= '9') {
                digitBefore = true;
            } else {
                return false;
            }
        }
        return digitBefore;
    }
}
