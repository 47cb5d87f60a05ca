package org.beaconpacs.dicom.data;

/** Reading the numbers held by binary VRs (US, SS, UL, SL, FL, FD, AT, SV, UV, OB, OW, OL, OF, OD, OV, UN). */
final class BinaryValues {

    private BinaryValues() {
    }

    /** Number of values in {@code b}: bytes divided by the VR's unit (OB/UN: one per byte). */
    static int count(byte[] b, VR vr) {
        int unit = unit(vr);
        return b.length / unit;
    }

    static int unit(VR vr) {
        return switch (vr) {
            case SS, US, OW -> 2;
            case SL, UL, FL, OF, OL, AT -> 4;
            case FD, OD, SV, UV, OV -> 8;
            default -> 1;
        };
    }

    static int[] toInts(byte[] b, VR vr, boolean be) {
        int n = count(b, vr);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (vr) {
                case UL, OL -> Values.int32(b, i * 4, be);
                case FL, OF -> (int) Float.intBitsToFloat(Values.int32(b, i * 4, be));
                case FD, OD -> (int) Double.longBitsToDouble(Values.int64(b, i * 8, be));
                case SV, UV, OV -> (int) Values.int64(b, i * 8, be);
                default -> intAt(b, i, vr, be);
            };
        }
        return out;
    }

    static double[] toDoubles(byte[] b, VR vr, boolean be) {
        int n = count(b, vr);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (vr) {
                case FL, OF -> Float.intBitsToFloat(Values.int32(b, i * 4, be));
                case FD, OD -> Double.longBitsToDouble(Values.int64(b, i * 8, be));
                case UL, OL -> Values.int32(b, i * 4, be) & 0xFFFFFFFFL;
                case UV, OV -> unsigned(Values.int64(b, i * 8, be));
                case SV -> Values.int64(b, i * 8, be);
                default -> intAt(b, i, vr, be);
            };
        }
        return out;
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
    }

    private static int intAt(byte[] b, int i, VR vr, boolean be) {
        return switch (vr) {
            case US, OW -> Values.uint16(b, i * 2, be);
            case SS -> (short) Values.uint16(b, i * 2, be);
            case SL -> Values.int32(b, i * 4, be);
            case AT -> (Values.uint16(b, i * 4, be) << 16) | Values.uint16(b, i * 4 + 2, be);
            default -> b[i] & 0xFF;
        };
    }

    /** Values formatted as text: numbers in decimal, AT as 8 hex digits, OB/UN bytes as 2 hex digits. */
    static String[] toStrings(byte[] b, VR vr, boolean be) {
        return toStrings(b, vr, be, Integer.MAX_VALUE);
    }

    /** The first {@code limit} values only: a dump of 262,144 pixel values needs a handful. */
    static String[] toStrings(byte[] b, VR vr, boolean be, int limit) {
        int n = Math.min(limit, count(b, vr));
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (vr) {
                case US, SS, SL, OW -> Integer.toString(intAt(b, i, vr, be));
                case UL, OL -> Long.toString(Values.int32(b, i * 4, be) & 0xFFFFFFFFL);
                case AT -> Tags.toHexString(intAt(b, i, vr, be));
                case FL, OF -> Float.toString(Float.intBitsToFloat(Values.int32(b, i * 4, be)));
                case FD, OD -> Double.toString(Double.longBitsToDouble(Values.int64(b, i * 8, be)));
                case SV -> Long.toString(Values.int64(b, i * 8, be));
                case UV, OV -> Long.toUnsignedString(Values.int64(b, i * 8, be));
                default -> hex(b[i]);
            };
        }
        return out;
    }

    private static final String[] HEX = new String[256];

    static {
        for (int i = 0; i < 256; i++) {
            HEX[i] = (i < 16 ? "0" : "") + Integer.toHexString(i);
        }
    }

    private static String hex(byte b) {
        return HEX[b & 0xFF];
    }
}
