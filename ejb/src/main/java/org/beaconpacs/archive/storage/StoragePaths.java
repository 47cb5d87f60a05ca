package org.beaconpacs.archive.storage;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Where a stored object lives, relative to the storage root:
 * {@code yyyy/MM/dd/xx/<Study UID>/<Series UID>/<SOP Instance UID>.dcm} — the day it was received,
 * then a bucket from the study UID's hash. No directory grows without bound (a day holds 256 buckets;
 * a series directory holds its instances), and recovery after a crash only walks the latest days.
 */
final class StoragePaths {

    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private StoragePaths() {
    }

    static String relative(LocalDate day, String studyUid, String seriesUid, String sopInstanceUid) {
        check(studyUid);
        check(seriesUid);
        check(sopInstanceUid);
        return String.format("%04d/%02d/%02d/%02x/%s/%s/%s.dcm", day.getYear(), day.getMonthValue(),
                day.getDayOfMonth(), studyUid.hashCode() & 0xFF, studyUid, seriesUid, sopInstanceUid);
    }

    /** The day folder of {@code day} under {@code root}. */
    static Path dayFolder(Path root, LocalDate day) {
        return root.resolve(String.format("%04d/%02d/%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
    }

    /** A UID becomes a path segment only if it is a UID: digits and dots, nothing a path could misuse. */
    private static void check(String uid) {
        if (uid == null || uid.length() > 64 || !UID.matcher(uid).matches()) {
            throw new IllegalArgumentException("not a valid UID: \"" + uid + "\"");
        }
    }
}
