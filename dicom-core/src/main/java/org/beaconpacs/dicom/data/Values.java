package org.beaconpacs.dicom.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversions between value bytes and Java values: binary numbers in either byte order, byte swapping
 * between orders, backslash multiplicity, and DS/IS parsing that tolerates the spaces devices send.
 */
public final class Values {

    public static final byte[] EMPTY_BYTES = {};
    public static final String[] EMPTY_STRINGS = {};

    private Values() {
    }

    public static int uint16(byte[] b, int off, boolean bigEndian) {
        return bigEndian ? ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF) : ((b[off + 1] & 0xFF) << 8) | (b[off] & 0xFF);
    }

    public static int int32(byte[] b, int off, boolean bigEndian) {
        return bigEndian
                ? (b[off] << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF)
                : (b[off + 3] << 24) | ((b[off + 2] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8) | (b[off] & 0xFF);
    }

    public static long int64(byte[] b, int off, boolean bigEndian) {
        long hi = int32(b, off + (bigEndian ? 0 : 4), bigEndian);
        long lo = int32(b, off + (bigEndian ? 4 : 0), bigEndian) & 0xFFFFFFFFL;
        return (hi << 32) | lo;
    }

    public static void putInt16(byte[] b, int off, int v, boolean bigEndian) {
        if (bigEndian) {
            b[off] = (byte) (v >> 8);
            b[off + 1] = (byte) v;
        } else {
            b[off] = (byte) v;
            b[off + 1] = (byte) (v >> 8);
        }
    }

    public static void putInt32(byte[] b, int off, int v, boolean bigEndian) {
        if (bigEndian) {
            b[off] = (byte) (v >> 24);
            b[off + 1] = (byte) (v >> 16);
            b[off + 2] = (byte) (v >> 8);
            b[off + 3] = (byte) v;
        } else {
            b[off] = (byte) v;
            b[off + 1] = (byte) (v >> 8);
            b[off + 2] = (byte) (v >> 16);
            b[off + 3] = (byte) (v >> 24);
        }
    }

    public static void putInt64(byte[] b, int off, long v, boolean bigEndian) {
        putInt32(b, off + (bigEndian ? 0 : 4), (int) (v >>> 32), bigEndian);
        putInt32(b, off + (bigEndian ? 4 : 0), (int) v, bigEndian);
    }

    /** Up to {@code limit} values of a binary VR formatted as text (numbers, AT as hex, bytes as hex). */
    public static String[] binaryToStrings(byte[] b, VR vr, boolean bigEndian, int limit) {
        return BinaryValues.toStrings(b, vr, bigEndian, limit);
    }

    /** Number of values a binary value of {@code length} bytes holds. */
    public static long binaryValueCount(long length, VR vr) {
        return vr.isBinaryNumber() ? length / BinaryValues.unit(vr) : length == 0 ? 0 : 1;
    }

    /** Reverses the byte order of each {@code unit}-byte group in place (a trailing partial group stays). */
    public static byte[] swap(byte[] b, int off, int len, int unit) {
        if (unit <= 1) {
            return b;
        }
        int end = off + len - len % unit;
        for (int i = off; i < end; i += unit) {
            for (int lo = i, hi = i + unit - 1; lo < hi; lo++, hi--) {
                byte t = b[lo];
                b[lo] = b[hi];
                b[hi] = t;
            }
        }
        return b;
    }

    /** The values of a multi-valued string; an empty string has no values. */
    public static String[] split(String s) {
        if (s.isEmpty()) {
            return EMPTY_STRINGS;
        }
        int first = s.indexOf('\\');
        if (first < 0) {
            return new String[] {s};
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = first; i >= 0; i = s.indexOf('\\', start)) {
            parts.add(s.substring(start, i));
            start = i + 1;
        }
        parts.add(s.substring(start));
        return parts.toArray(EMPTY_STRINGS);
    }

    /** Removes the padding PS3.5 6.2 calls insignificant: trailing spaces and NULs, and leading spaces where allowed. */
    public static String trim(String s, VR vr) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        if (leadingSpacesInsignificant(vr)) {
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    private static boolean leadingSpacesInsignificant(VR vr) {
        return switch (vr) {
            case AE, AS, CS, DA, DS, DT, IS, LO, SH, TM, UI -> true;
            default -> false;
        };
    }

    /** Parses an IS value; leading and trailing spaces and a '+' sign are accepted. */
    public static int parseIS(String s) {
        String t = s.trim();
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        long v = Long.parseLong(t);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new NumberFormatException("IS value out of range: " + s);
        }
        return (int) v;
    }

    /** Parses a DS value; spaces around it are accepted, as is the ',' decimal comma some devices send. */
    public static double parseDS(String s) {
        return Double.parseDouble(s.trim().replace(',', '.'));
    }

    /** Formats a double as a DS value of at most 16 characters, exact where it fits. */
    public static String formatDS(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = Double.toString(d);
        if (s.length() <= 16) {
            return s;
        }
        for (int digits = 15; digits > 0; digits--) {
            s = new BigDecimal(d).round(new java.math.MathContext(digits)).stripTrailingZeros().toString();
            if (Double.isInfinite(Double.parseDouble(s))) { // rounding up past Double.MAX_VALUE
                s = new BigDecimal(d).round(new java.math.MathContext(digits, java.math.RoundingMode.DOWN))
                        .stripTrailingZeros().toString();
            }
            if (s.length() <= 16) {
                return s;
            }
        }
        return s;
    }
}
