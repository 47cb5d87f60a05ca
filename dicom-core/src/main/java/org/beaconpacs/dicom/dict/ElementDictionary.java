package org.beaconpacs.dicom.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beaconpacs.dicom.data.VR;

/**
 * The public data elements of PS3.6, loaded once from the table the build generated.
 *
 * <p>Lookups by tag and by keyword are hash lookups. Tags of repeating groups such as (60xx,3000)
 * are found by masking: there are only a handful of distinct masks, so a lookup tries each once.
 */
public final class ElementDictionary {

    /** One data element of the dictionary; {@code vrs} lists alternatives such as US or SS. */
    public record Entry(int tag, int mask, VR[] vrs, String vm, String keyword, boolean retired, String name) {
        /** The VR to assume when the data set does not say (implicit VR): the first alternative. */
        public VR vr() {
            return vrs.length == 0 ? VR.UN : vrs[0];
        }
    }

    private static final Map<Integer, Entry> BY_TAG = new HashMap<>(8192);
    private static final Map<String, Entry> BY_KEYWORD = new HashMap<>(8192);
    private static final List<Integer> MASKS = new ArrayList<>();
    private static final Map<Long, Entry> BY_MASKED = new HashMap<>();

    static {
        try (InputStream in = ElementDictionary.class.getResourceAsStream("elements.tsv")) {
            if (in == null) {
                throw new IllegalStateException("elements.tsv missing: dicom-core was built without its dictionary");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ElementDictionary() {
    }

    private static void add(String[] f) {
        String pattern = f[0];
        int mask = 0;
        int tag = 0;
        for (int i = 0; i < 8; i++) {
            char c = pattern.charAt(i);
            mask <<= 4;
            tag <<= 4;
            if (c != 'x') {
                mask |= 0xF;
                tag |= Character.digit(c, 16);
            }
        }
        VR[] vrs = f[1].equals("-") ? new VR[0] : parseVrs(f[1]);
        Entry entry = new Entry(tag, mask, vrs, f[2], f[3], f[4].equals("R"), f[5]);
        BY_KEYWORD.put(entry.keyword(), entry);
        if (mask == -1) {
            BY_TAG.put(tag, entry);
        } else {
            if (!MASKS.contains(mask)) {
                MASKS.add(mask);
            }
            BY_MASKED.put(maskedKey(mask, tag), entry);
        }
    }

    private static VR[] parseVrs(String field) {
        String[] names = field.split("/");
        VR[] vrs = new VR[names.length];
        for (int i = 0; i < names.length; i++) {
            vrs[i] = VR.valueOf(names[i]);
        }
        return vrs;
    }

    private static long maskedKey(int mask, int tag) {
        return ((long) mask << 32) | (tag & 0xFFFFFFFFL);
    }

    /** The dictionary entry of {@code tag}, or null for private, unknown and group length tags. */
    public static Entry entry(int tag) {
        Entry e = BY_TAG.get(tag);
        if (e == null) {
            for (int mask : MASKS) {
                e = BY_MASKED.get(maskedKey(mask, tag & mask));
                if (e != null) {
                    return e;
                }
            }
        }
        return e;
    }

    /** The entry named by a PS3.6 keyword such as {@code PatientName}, or null. */
    public static Entry entry(String keyword) {
        return BY_KEYWORD.get(keyword);
    }

    /**
     * The VR to assume for {@code tag} when the encoding does not carry it: the dictionary's VR, UL for
     * group lengths, LO for private creators, UN for anything unknown.
     */
    public static VR vrOf(int tag) {
        if ((tag & 0xFFFF) == 0) {
            return VR.UL;
        }
        if ((tag & 0x10000) != 0) {
            int element = tag & 0xFFFF;
            return element >= 0x10 && element <= 0xFF ? VR.LO : VR.UN;
        }
        Entry e = entry(tag);
        return e == null ? VR.UN : e.vr();
    }

    /** The keyword of {@code tag}, or an empty string when it has none. */
    public static String keywordOf(int tag) {
        if ((tag & 0x10000) != 0) {
            int element = tag & 0xFFFF;
            return element >= 0x10 && element <= 0xFF ? "PrivateCreator" : "";
        }
        if ((tag & 0xFFFF) == 0) {
            return "GroupLength";
        }
        Entry e = entry(tag);
        return e == null ? "" : e.keyword();
    }

    /** The tag named by {@code keyword}, or -1. */
    public static int tagOf(String keyword) {
        Entry e = BY_KEYWORD.get(keyword);
        return e == null ? -1 : e.tag();
    }

    /** Number of entries, repeating-group patterns counted once. */
    public static int size() {
        return BY_TAG.size() + BY_MASKED.size();
    }
}
