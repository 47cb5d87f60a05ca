package org.beaconpacs.archive.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.beaconpacs.dicom.uid.UIDs;

/**
 * Where a stored object lives, relative to the storage root:
 * {@code yyyy/MM/dd/xx/<Study UID>/<Series UID>/<SOP Instance UID>.dcm} — the day it was received,
 * then a bucket from the study UID's hash. No directory grows without bound (a day holds 256 buckets;
 * a series directory holds its instances), and recovery after a crash walks only the days from the
 * newest one the index knows.
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

    /** The reception day a storage-relative path begins with, or null when it begins with none. */
    static LocalDate dayOf(String relative) {
        if (relative == null || relative.length() < 10) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(relative.substring(0, 4)), Integer.parseInt(relative.substring(5, 7)),
                    Integer.parseInt(relative.substring(8, 10)));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * The day folders under {@code root} of {@code from} and after (every one when {@code from} is null),
     * oldest first, whatever today's date: a folder dated after today (a clock set back) is among them.
     */
    static List<Path> dayFoldersFrom(Path root, LocalDate from) throws IOException {
        List<Path> folders = new ArrayList<>();
        for (Path year : numbered(root, 4)) {
            for (Path month : numbered(year, 2)) {
                for (Path day : numbered(month, 2)) {
                    LocalDate date = dayOf(root.relativize(day).toString().replace('\\', '/'));
                    if (date != null && (from == null || !date.isBefore(from))) {
                        folders.add(day);
                    }
                }
            }
        }
        return folders;
    }

    /** The sub-folders of {@code dir} named by {@code digits} digits, in order. */
    private static List<Path> numbered(Path dir, int digits) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().matches("[0-9]{" + digits + "}")
                    && Files.isDirectory(p)).sorted().toList();
        }
    }

    /** A UID becomes a path segment only if it is a UID: digits and dots, nothing a path could misuse. */
    private static void check(String uid) {
        if (!UIDs.isValid(uid)) {
            throw new IllegalArgumentException("not a valid UID: \"" + uid + "\"");
        }
    }
}
