package org.beaconpacs.dicom.charset;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Decodes and encodes the text of SH, LO, ST, LT, UT, UC and PN values under the Specific Character
 * Set (0008,0005) of their data set (PS3.3 C.12.1.1.2, PS3.5 section 6.1).
 *
 * <p>Single-value terms without code extension map to one Java charset (ISO_IR 100..166, ISO_IR 192,
 * GB18030, GBK). Terms with code extension ("ISO 2022 IR nnn", or several values) are handled by a
 * small ISO 2022 machine: escape sequences designate G0 (bytes below 0x80) and G1 (bytes from 0x80),
 * and the state of value 1 returns after each delimiter, as PS3.5 6.1.2.5.3 requires of encoders.
 *
 * <p>Instances are immutable and cheap to share; {@link #valueOf} caches the common ones.
 */
public final class SpecificCharacterSet {

    /** The default repertoire (ISO-IR 6). Bytes above 0x7F, which it does not define, decode as Latin-1. */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(new String[0],
            StandardCharsets.ISO_8859_1, null);

    private static final Map<String, String> SINGLE = Map.ofEntries(
            Map.entry("ISO_IR 6", "ISO-8859-1"),
            Map.entry("ISO_IR 100", "ISO-8859-1"),
            Map.entry("ISO_IR 101", "ISO-8859-2"),
            Map.entry("ISO_IR 109", "ISO-8859-3"),
            Map.entry("ISO_IR 110", "ISO-8859-4"),
            Map.entry("ISO_IR 144", "ISO-8859-5"),
            Map.entry("ISO_IR 127", "ISO-8859-6"),
            Map.entry("ISO_IR 126", "ISO-8859-7"),
            Map.entry("ISO_IR 138", "ISO-8859-8"),
            Map.entry("ISO_IR 148", "ISO-8859-9"),
            Map.entry("ISO_IR 166", "TIS-620"),
            Map.entry("ISO_IR 192", "UTF-8"),
            Map.entry("GB18030", "GB18030"),
            Map.entry("GBK", "GBK"));

    private static final byte ESC = 0x1B;

    private final String[] terms;
    /** The charset for values without code extension, or null when ISO 2022 applies. */
    private final Charset charset;
    /** Code elements with code extension, value 1's first; null without code extension. */
    private final List<CodeElement> elements;
    private final CodeElement initialG0;
    private final CodeElement initialG1;

    private SpecificCharacterSet(String[] terms, Charset charset, List<CodeElement> elements) {
        this.terms = terms;
        this.charset = charset;
        this.elements = elements;
        CodeElement g0 = CodeElement.IR_6;
        CodeElement g1 = null;
        if (elements != null) {
            String first = terms.length == 0 ? "" : terms[0].trim();
            CodeElement e = first.isEmpty() ? null : CodeElement.byTerm(first);
            if (e == CodeElement.IR_13) {
                g0 = CodeElement.IR_14; // ISO_IR 13: JIS X 0201 romaji in G0 and katakana in G1
                g1 = CodeElement.IR_13;
            } else if (e != null && e.g1) {
                g1 = e;
            } else if (e != null) {
                g0 = e;
            }
        }
        this.initialG0 = g0;
        this.initialG1 = g1;
    }

    /**
     * The character set named by the values of (0008,0005). Unknown terms fall back to Latin-1 so text
     * stays readable and round-trips byte for byte; {@link #isKnown(String)} tells a caller which those are.
     */
    public static SpecificCharacterSet valueOf(String... terms) {
        if (terms == null || terms.length == 0 || (terms.length == 1 && terms[0].isBlank())) {
            return DEFAULT;
        }
        String[] t = terms.clone();
        for (int i = 0; i < t.length; i++) {
            t[i] = t[i] == null ? "" : t[i].trim();
        }
        if (t.length == 1 && !t[0].startsWith("ISO 2022")) {
            String name = SINGLE.get(t[0]);
            if (t[0].equals("ISO_IR 13")) {
                return new SpecificCharacterSet(t, null, List.of(CodeElement.IR_14, CodeElement.IR_13));
            }
            return new SpecificCharacterSet(t, Charset.forName(name == null ? "ISO-8859-1" : name), null);
        }
        List<CodeElement> elements = new ArrayList<>();
        for (String term : t) {
            if (term.isEmpty()) {
                elements.add(CodeElement.IR_6);
                continue;
            }
            CodeElement e = CodeElement.byTerm(term);
            if (e == CodeElement.IR_13) {
                elements.add(CodeElement.IR_14);
            }
            if (e != null) {
                elements.add(e);
            }
        }
        if (!elements.contains(CodeElement.IR_6)) {
            elements.add(CodeElement.IR_6);
        }
        return new SpecificCharacterSet(t, null, List.copyOf(elements));
    }

    /** True if {@code term} is a defined term of (0008,0005) that this class decodes. */
    public static boolean isKnown(String term) {
        String t = term.trim();
        return t.isEmpty() || SINGLE.containsKey(t) || CodeElement.byTerm(t) != null;
    }

    /** The values of (0008,0005) this instance was made from. */
    public String[] terms() {
        return terms.clone();
    }

    /** True for UTF-8, GB18030 and GBK, where a backslash byte may occur inside a multi-byte character. */
    public boolean isMultiByteWithoutCodeExtension() {
        return charset != null && !charset.equals(StandardCharsets.ISO_8859_1) && charset.newEncoder().maxBytesPerChar() > 1;
    }

    /** Decodes a text value; {@code pn} makes '^' and '=' delimiters that restore the initial state. */
    public String decode(byte[] b, int off, int len, boolean pn) {
        if (charset != null) {
            return new String(b, off, len, charset);
        }
        return decode2022(b, off, off + len, pn);
    }

    public String decode(byte[] b, boolean pn) {
        return decode(b, 0, b.length, pn);
    }

    /** Encodes a text value; characters no declared set can represent become '?'. */
    public byte[] encode(String s, boolean pn) {
        if (charset != null) {
            return s.getBytes(charset);
        }
        return encode2022(s, pn);
    }

    /**
     * Whether {@code s} survives encoding: every character is in a declared set. Without (0008,0005) that
     * is the default repertoire, ASCII (PS3.5 6.1.2.1), though this class reads such bytes as Latin-1.
     */
    public boolean canEncode(String s, boolean pn) {
        if (terms.length == 0 || terms.length == 1 && terms[0].isEmpty()) {
            return s.chars().allMatch(c -> c < 0x80);
        }
        return decode(encode(s, pn), pn).equals(s);
    }

    private static boolean isDelimiter(int c, boolean pn) {
        return c == '\\' || c == '\r' || c == '\n' || c == '\f' || c == '\t' || (pn && (c == '^' || c == '='));
    }

    private String decode2022(byte[] b, int off, int end, boolean pn) {
        StringBuilder out = new StringBuilder(end - off);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        CodeElement lastG1 = initialG1;
        int i = off;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c == ESC) {
                CodeElement e = CodeElement.byEscape(b, i, end);
                if (e == null) {
                    out.append((char) c); // not a designation we know: keep the byte visible
                    i++;
                } else {
                    if (e.g1) {
                        g1 = e;
                        lastG1 = e;
                    } else {
                        g0 = e;
                    }
                    i += e.escape.length;
                }
                continue;
            }
            // writers that do not repeat the G1 designation after a delimiter are common: keep the last one
            CodeElement set = c < 0x80 ? g0 : g1 != null ? g1 : lastG1;
            if (set == null) {
                out.append((char) c); // high byte without a G1 set: Latin-1, the least surprising reading
                i++;
                continue;
            }
            // decode the whole run of characters in this set at once
            int runEnd = i;
            int step = set.streamBytes();
            while (runEnd + step <= end && b[runEnd] != ESC && ((b[runEnd] & 0x80) != 0) == set.g1
                    && !(step == 1 && isDelimiter(b[runEnd], pn))) {
                runEnd += step;
            }
            if (runEnd == i) { // a delimiter, or a truncated multi-byte character
                out.append((char) c);
                i++;
                if (isDelimiter(c, pn)) {
                    g0 = initialG0;
                    g1 = initialG1;
                }
                continue;
            }
            out.append(decodeRun(set, b, i, runEnd));
            i = runEnd;
        }
        return out.toString();
    }

    private static String decodeRun(CodeElement set, byte[] b, int from, int to) {
        if (!set.multiByte()) {
            return new String(b, from, to - from, set.charset);
        }
        int n = (to - from) / 2;
        byte[] euc = new byte[n * set.eucBytes];
        int j = 0;
        for (int k = from; k < to; k += 2) {
            if (set.eucBytes == 3) {
                euc[j++] = (byte) 0x8F;
            }
            euc[j++] = (byte) (b[k] | 0x80);
            euc[j++] = (byte) (b[k + 1] | 0x80);
        }
        return new String(euc, set.charset);
    }

    private byte[] encode2022(String s, boolean pn) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 2);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            i += Character.charCount(cp);
            if (isDelimiter(cp, pn)) {
                // PS3.5 6.1.2.5.3: value 1's sets are active again before each delimiter
                g0 = designate(out, initialG0, g0);
                g1 = resetG1(out, g1);
                out.write(cp);
                continue;
            }
            if (cp < 0x80 && (g0 == CodeElement.IR_6 || (g0 == CodeElement.IR_14 && cp != '\\' && cp != '~'))) {
                out.write(cp);
                continue;
            }
            if (cp < 0x80) {
                g0 = designate(out, CodeElement.IR_6, g0);
                out.write(cp);
                continue;
            }
            byte[] encoded = g1 == null ? null : encodeIn(g1, ch);
            if (encoded == null && g0 != null && g0.multiByte()) {
                encoded = encodeIn(g0, ch);
            }
            if (encoded == null) {
                for (CodeElement e : elements) {
                    if (e != CodeElement.IR_6 && e != CodeElement.IR_14 && (encoded = encodeIn(e, ch)) != null) {
                        if (e.g1) {
                            g1 = designate(out, e, g1);
                        } else {
                            g0 = designate(out, e, g0);
                        }
                        break;
                    }
                }
            }
            if (encoded == null) {
                g0 = designate(out, CodeElement.IR_6, g0);
                encoded = new byte[] {'?'};
            }
            out.writeBytes(encoded);
        }
        // PS3.5 6.1.2.5.3: value 1's character sets are active again before the end of the value
        designate(out, initialG0, g0);
        resetG1(out, g1);
        return out.toByteArray();
    }

    /** Returns G1 to value 1's set: by its escape sequence if it has one, else by forgetting the designation. */
    private CodeElement resetG1(ByteArrayOutputStream out, CodeElement g1) {
        if (g1 != initialG1 && initialG1 != null) {
            out.writeBytes(initialG1.escape);
        }
        return initialG1;
    }

    private static CodeElement designate(ByteArrayOutputStream out, CodeElement wanted, CodeElement current) {
        if (wanted != current && wanted != null) {
            out.writeBytes(wanted.escape);
        }
        return wanted == null ? current : wanted;
    }

    /** The bytes of {@code ch} in {@code set} as they appear in the data stream, or null if it has none. */
    private static byte[] encodeIn(CodeElement set, String ch) {
        CharsetEncoder encoder = set.charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bb;
        try {
            bb = encoder.encode(CharBuffer.wrap(ch));
        } catch (CharacterCodingException e) {
            return null;
        }
        byte[] b = Arrays.copyOf(bb.array(), bb.limit());
        if (!set.multiByte()) {
            if (b.length != 1 || ((b[0] & 0x80) != 0) != set.g1) {
                return null;
            }
            return b;
        }
        if (set.eucBytes == 3) { // JIS X 0212 in EUC-JP: 0x8F b1 b2
            if (b.length != 3 || (b[0] & 0xFF) != 0x8F) {
                return null;
            }
            return new byte[] {(byte) (b[1] & 0x7F), (byte) (b[2] & 0x7F)};
        }
        if (b.length != 2 || (b[0] & 0x80) == 0 || (set == CodeElement.IR_87 && (b[0] & 0xFF) == 0x8E)) {
            return null; // EUC-JP 0x8E is half-width katakana, which JIS X 0208 does not hold
        }
        return set.g1 ? b : new byte[] {(byte) (b[0] & 0x7F), (byte) (b[1] & 0x7F)};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecificCharacterSet other && Arrays.equals(terms, other.terms);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(terms);
    }

    @Override
    public String toString() {
        return terms.length == 0 ? "ISO_IR 6" : String.join("\\", terms);
    }
}
