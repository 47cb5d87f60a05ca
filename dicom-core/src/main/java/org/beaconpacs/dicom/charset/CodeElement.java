package org.beaconpacs.dicom.charset;

import java.nio.charset.Charset;

/**
 * A coded character set that ISO 2022 code extension can designate into G0 or G1 (PS3.3 C.12.1.1.2,
 * PS3.5 6.1.2.5). Two-byte sets are decoded through the EUC form of their Java charset, which is
 * the same code with the high bit set (and, for JIS X 0212, the SS3 prefix 0x8F).
 */
enum CodeElement {
    IR_6("ISO 2022 IR 6", false, 1, "US-ASCII", 0x1B, 0x28, 0x42),
    IR_14("ISO 2022 IR 14", false, 1, "JIS_X0201", 0x1B, 0x28, 0x4A),
    IR_13("ISO 2022 IR 13", true, 1, "JIS_X0201", 0x1B, 0x29, 0x49),
    IR_100("ISO 2022 IR 100", true, 1, "ISO-8859-1", 0x1B, 0x2D, 0x41),
    IR_101("ISO 2022 IR 101", true, 1, "ISO-8859-2", 0x1B, 0x2D, 0x42),
    IR_109("ISO 2022 IR 109", true, 1, "ISO-8859-3", 0x1B, 0x2D, 0x43),
    IR_110("ISO 2022 IR 110", true, 1, "ISO-8859-4", 0x1B, 0x2D, 0x44),
    IR_144("ISO 2022 IR 144", true, 1, "ISO-8859-5", 0x1B, 0x2D, 0x4C),
    IR_127("ISO 2022 IR 127", true, 1, "ISO-8859-6", 0x1B, 0x2D, 0x47),
    IR_126("ISO 2022 IR 126", true, 1, "ISO-8859-7", 0x1B, 0x2D, 0x46),
    IR_138("ISO 2022 IR 138", true, 1, "ISO-8859-8", 0x1B, 0x2D, 0x48),
    IR_148("ISO 2022 IR 148", true, 1, "ISO-8859-9", 0x1B, 0x2D, 0x4D),
    IR_166("ISO 2022 IR 166", true, 1, "TIS-620", 0x1B, 0x2D, 0x54),
    IR_87("ISO 2022 IR 87", false, 2, "EUC-JP", 0x1B, 0x24, 0x42),
    IR_159("ISO 2022 IR 159", false, 3, "EUC-JP", 0x1B, 0x24, 0x28, 0x44),
    IR_149("ISO 2022 IR 149", true, 2, "EUC-KR", 0x1B, 0x24, 0x29, 0x43),
    IR_58("ISO 2022 IR 58", true, 2, "GB2312", 0x1B, 0x24, 0x29, 0x41);

    final String term;
    /** True if designated into G1 (bytes with the high bit set), false for G0. */
    final boolean g1;
    /** Bytes per character in the EUC form: 1, 2, or 3 for JIS X 0212 (SS3 + 2 bytes). */
    final int eucBytes;
    final Charset charset;
    final byte[] escape;

    CodeElement(String term, boolean g1, int eucBytes, String charset, int... escape) {
        this.term = term;
        this.g1 = g1;
        this.eucBytes = eucBytes;
        this.charset = Charset.forName(charset);
        this.escape = new byte[escape.length];
        for (int i = 0; i < escape.length; i++) {
            this.escape[i] = (byte) escape[i];
        }
    }

    boolean multiByte() {
        return eucBytes > 1;
    }

    /** Bytes a character of this set occupies in the data stream (without the EUC SS3 prefix). */
    int streamBytes() {
        return eucBytes == 1 ? 1 : 2;
    }

    /** The element whose escape sequence starts at {@code b[off]}, or null. */
    static CodeElement byEscape(byte[] b, int off, int end) {
        for (CodeElement e : values()) {
            if (off + e.escape.length <= end && regionMatches(b, off, e.escape)) {
                return e;
            }
        }
        return null;
    }

    private static boolean regionMatches(byte[] b, int off, byte[] escape) {
        for (int i = 0; i < escape.length; i++) {
            if (b[off + i] != escape[i]) {
                return false;
            }
        }
        return true;
    }

    /** The element named by an "ISO 2022 IR nnn" or "ISO_IR nnn" term, or null. */
    static CodeElement byTerm(String term) {
        String t = term.trim().replace("ISO_IR ", "ISO 2022 IR ");
        for (CodeElement e : values()) {
            if (e.term.equals(t)) {
                return e;
            }
        }
        return null;
    }
}
