package org.beaconpacs.dicom.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.beaconpacs.dicom.data.VR;

/**
 * The VRs of the common vendors' private elements (GE, Siemens, Philips, Canon/Toshiba, Agfa, Fuji, Hologic
 * and others: private.tsv), by private creator and element: what an Implicit VR data set needs to read a
 * private attribute as the value it is rather than as UN bytes. Loaded on first use.
 */
public final class PrivateDictionary {

    private static final class Table {
        static final Map<String, VR> VRS = load();
    }

    private PrivateDictionary() {
    }

    /**
     * The VR of private element {@code tag} in the block reserved by {@code creator}, or null when the
     * dictionary does not know it. Alternatives (OB/OW) resolve to OW, as Implicit VR has them.
     */
    public static VR vrOf(String creator, int tag) {
        if (creator == null) {
            return null;
        }
        return Table.VRS.get(key(creator.strip(), tag >>> 16, tag & 0xFF));
    }

    public static int size() {
        return Table.VRS.size();
    }

    private static String key(String creator, int group, int element) {
        return creator + '\t' + group + '\t' + element;
    }

    private static Map<String, VR> load() {
        Map<String, VR> vrs = new HashMap<>(16384);
        try (InputStream in = PrivateDictionary.class.getResourceAsStream("private.tsv")) {
            if (in == null) {
                throw new IllegalStateException("private.tsv is missing from dicom-core");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                String[] alternatives = f[2].split("/");
                VR vr = alternatives.length > 1 ? VR.OW : VR.valueOf(alternatives[0]);
                int group = Integer.parseInt(f[1].substring(0, 4), 16);
                int element = Integer.parseInt(f[1].substring(6, 8), 16);
                vrs.put(key(f[0], group, element), vr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(vrs);
    }
}
