package org.beaconpacs.archive.dicomweb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One range of an Accept header (RFC 9110 12.5.1): a type, maybe with wildcards, and its parameters. */
record MediaRange(String type, Map<String, String> params) {

    /** The header's ranges in their order, those of q=0 left out; {@code *}/{@code *} for no header. */
    static List<MediaRange> parse(String accept) {
        List<MediaRange> ranges = new ArrayList<>();
        if (accept == null || accept.isBlank()) {
            ranges.add(new MediaRange("*/*", Map.of()));
            return ranges;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                if (kv.length == 2) {
                    params.put(kv[0].strip().toLowerCase(Locale.ROOT), kv[1].strip().replace("\"", ""));
                }
            }
            if (!"0".equals(params.get("q")) && !parts[0].isBlank()) {
                ranges.add(new MediaRange(parts[0].strip().toLowerCase(Locale.ROOT), params));
            }
        }
        return ranges;
    }

    /** Whether this range takes {@code mediaType} (a bare type such as image/jpeg). */
    boolean accepts(String mediaType) {
        return type.equals("*/*") || type.equals(mediaType)
                || type.endsWith("/*") && mediaType.startsWith(type.substring(0, type.length() - 1));
    }

    boolean multipart() {
        return type.equals("multipart/related");
    }

    /** The parts' type of a multipart range, null if it names none. */
    String partType() {
        String t = params.get("type");
        return t == null ? null : t.toLowerCase(Locale.ROOT);
    }
}
