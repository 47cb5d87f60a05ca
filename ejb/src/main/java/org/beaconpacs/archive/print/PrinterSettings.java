package org.beaconpacs.archive.print;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A printer's configuration as the print service, REST and the console see it (the entity stays in jpa).
 * Multi-valued settings are backslash-separated lists whose first value is the default; custom and
 * annotation formats are {@code key=value} pairs ({@code 1=ROW\1,2}, {@code FOOTER=3}) separated by
 * backslashes, a custom format's own backslash written as {@code /}.
 */
public record PrinterSettings(Long id, String aeTitle, String name, String description, int resolutionDpi,
                              String filmSizes, String mediumTypes, String filmDestinations, String displayFormats,
                              String defaultDisplayFormat, String customFormats, String annotationFormats,
                              String magnificationTypes, String smoothingTypes, int minDensity, int maxDensity,
                              String borderDensity, String emptyImageDensity, int illumination,
                              int reflectedAmbientLight, boolean outputFiles, String cupsQueue, boolean toArchive,
                              String status, String statusInfo, int version) implements Serializable {

    /** The values of a backslash-separated setting, stripped, without empty ones. */
    public static List<String> values(String setting) {
        return setting == null ? List.of()
                : Arrays.stream(setting.split("\\\\")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public List<String> filmSizeList() {
        return values(filmSizes);
    }

    public List<String> mediumTypeList() {
        return values(mediumTypes);
    }

    public List<String> filmDestinationList() {
        return values(filmDestinations);
    }

    public List<String> displayFormatFamilies() {
        return values(displayFormats);
    }

    public List<String> magnificationTypeList() {
        return values(magnificationTypes);
    }

    public List<String> smoothingTypeList() {
        return values(smoothingTypes);
    }

    /** CUSTOM\n's layouts, by n. */
    public Map<String, String> customFormatMap() {
        return pairs(customFormats, true);
    }

    /** Annotation Display Format ID to the number of annotation boxes. */
    public Map<String, String> annotationFormatMap() {
        return pairs(annotationFormats, false);
    }

    private static Map<String, String> pairs(String setting, boolean slashIsBackslash) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : values(setting)) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String value = pair.substring(eq + 1).strip();
                map.put(pair.substring(0, eq).strip(), slashIsBackslash ? value.replace('/', '\\') : value);
            }
        }
        return map;
    }
}
