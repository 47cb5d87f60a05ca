package org.beaconpacs.dicom.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The registered UIDs of PS3.6 Annex A, loaded once from the table the build generated. */
public final class UIDDictionary {

    /** One registered UID. {@code type} is the PS3.6 type, e.g. "SOP Class" or "Transfer Syntax". */
    public record Entry(String uid, String keyword, String type, boolean retired, boolean storage, String name) {
    }

    private static final Map<String, Entry> BY_UID = new HashMap<>(1024);
    private static final Map<String, Entry> BY_KEYWORD = new HashMap<>(1024);
    private static final Set<String> STORAGE;
    private static final List<Entry> ALL;

    static {
        List<Entry> all = new ArrayList<>();
        Set<String> storage = new LinkedHashSet<>();
        try (InputStream in = UIDDictionary.class.getResourceAsStream("uids.tsv")) {
            if (in == null) {
                throw new IllegalStateException("uids.tsv missing: dicom-core was built without its dictionary");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                Entry e = new Entry(f[0], f[1], f[2], f[3].equals("R"), f[4].equals("S"), f[5]);
                all.add(e);
                BY_UID.put(e.uid(), e);
                BY_KEYWORD.put(e.keyword(), e);
                if (e.storage()) {
                    storage.add(e.uid());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        STORAGE = Collections.unmodifiableSet(storage);
        ALL = List.copyOf(all);
    }

    private UIDDictionary() {
    }

    /** The entry of a registered UID, or null. */
    public static Entry entry(String uid) {
        return BY_UID.get(uid);
    }

    /** The entry named by a keyword such as {@code CTImageStorage}, or null. */
    public static Entry byKeyword(String keyword) {
        return BY_KEYWORD.get(keyword);
    }

    /** The name of a registered UID, or the UID itself when it is not registered. */
    public static String nameOf(String uid) {
        Entry e = BY_UID.get(uid);
        return e == null ? uid : e.name();
    }

    /** Every Storage SOP Class of PS3.4 Annex B, retired ones included, in UID order. */
    public static Set<String> storageSopClasses() {
        return STORAGE;
    }

    public static boolean isStorageSopClass(String uid) {
        return STORAGE.contains(uid);
    }

    /** Every registered UID, in UID order. */
    public static List<Entry> all() {
        return ALL;
    }
}
