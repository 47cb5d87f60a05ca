package org.beaconpacs.archive.study;

/**
 * DICOM wildcard matching (PS3.4 C.2.2.2.4: {@code *} any run, {@code ?} one character) as a SQL LIKE
 * pattern, with LIKE's own special characters escaped: nothing the user types is SQL.
 */
public final class Wildcards {

    public static final char ESCAPE = '\\';

    private Wildcards() {
    }

    public static String toLike(String dicom) {
        StringBuilder sb = new StringBuilder(dicom.length() + 4);
        for (char c : dicom.toCharArray()) {
            switch (c) {
                case '*' -> sb.append('%');
                case '?' -> sb.append('_');
                case '%', '_', ESCAPE -> sb.append(ESCAPE).append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
