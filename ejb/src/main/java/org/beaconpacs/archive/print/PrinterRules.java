package org.beaconpacs.archive.print;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.config.AeRules;
import org.beaconpacs.archive.input.Problem;
import org.beaconpacs.archive.print.film.Density;
import org.beaconpacs.archive.print.film.FilmSize;
import org.beaconpacs.archive.print.film.ImageDisplayFormat;

/** What makes a printer's configuration usable, field by field (the words in Problems*.properties). */
final class PrinterRules {

    static final List<String> FAMILIES = List.of("STANDARD", "ROW", "COL", "SLIDE", "SUPERSLIDE", "CUSTOM");
    static final List<String> MAGNIFICATIONS = List.of("REPLICATE", "BILINEAR", "CUBIC", "NONE");
    static final List<String> STATUSES = List.of("NORMAL", "WARNING", "FAILURE");

    private PrinterRules() {
    }

    static Map<String, Problem> problems(PrinterSettings p) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        Problem ae = AeRules.aeTitle(p.aeTitle());
        if (ae != null) {
            problems.put("aeTitle", ae);
        }
        if (p.name() == null || p.name().isBlank() || p.name().length() > 64) {
            problems.put("name", new Problem("printer.name"));
        }
        if (p.resolutionDpi() < 72 || p.resolutionDpi() > 1200) {
            problems.put("resolutionDpi", new Problem("printer.dpi", p.resolutionDpi()));
        }
        for (String size : PrinterSettings.values(p.filmSizes())) {
            if (FilmSize.of(size) == null) {
                problems.put("filmSizes", new Problem("printer.filmSize", size));
            }
        }
        required(problems, "filmSizes", p.filmSizes());
        required(problems, "mediumTypes", p.mediumTypes());
        required(problems, "filmDestinations", p.filmDestinations());
        oneOf(problems, "displayFormats", p.displayFormats(), FAMILIES);
        oneOf(problems, "magnificationTypes", p.magnificationTypes(), MAGNIFICATIONS);
        try {
            ImageDisplayFormat format = ImageDisplayFormat.parse(p.defaultDisplayFormat(), p.customFormatMap());
            if (!p.displayFormatFamilies().contains(format.family())) {
                problems.put("defaultDisplayFormat", new Problem("printer.format", p.defaultDisplayFormat(),
                        "not among the display formats offered"));
            }
        } catch (IllegalArgumentException e) {
            problems.put("defaultDisplayFormat", new Problem("printer.format", p.defaultDisplayFormat(), e.getMessage()));
        }
        p.customFormatMap().forEach((n, layout) -> {
            try {
                ImageDisplayFormat.parse(layout, Map.of());
            } catch (IllegalArgumentException e) {
                problems.put("customFormats", new Problem("printer.format", layout, e.getMessage()));
            }
        });
        p.annotationFormatMap().forEach((id, count) -> {
            if (!count.matches("[1-9]|1[0-9]|20")) {
                problems.put("annotationFormats", new Problem("printer.annotations", id + "=" + count));
            }
        });
        if (p.minDensity() < 0 || p.maxDensity() <= p.minDensity() || p.maxDensity() > 400) {
            problems.put("maxDensity", new Problem("printer.densities", p.minDensity(), p.maxDensity()));
        }
        for (String[] d : new String[][] {{"borderDensity", p.borderDensity()},
                {"emptyImageDensity", p.emptyImageDensity()}}) {
            try {
                Density.od(d[1], p.minDensity(), p.maxDensity());
            } catch (IllegalArgumentException e) {
                problems.put(d[0], new Problem("printer.density", String.valueOf(d[1])));
            }
        }
        if (p.illumination() < 0 || p.illumination() > 10000 || p.reflectedAmbientLight() < 0
                || p.reflectedAmbientLight() > 1000) {
            problems.put("illumination", new Problem("printer.light"));
        }
        if (!STATUSES.contains(p.status())) {
            problems.put("status", new Problem("printer.status", String.valueOf(p.status())));
        }
        if (p.cupsQueue() != null && !p.cupsQueue().isBlank() && !p.cupsQueue().strip().matches("[A-Za-z0-9_.@-]+")) {
            problems.put("cupsQueue", new Problem("printer.cups", p.cupsQueue()));
        }
        if (!p.outputFiles() && (p.cupsQueue() == null || p.cupsQueue().isBlank()) && !p.toArchive()) {
            problems.put("outputFiles", new Problem("printer.output"));
        }
        return problems;
    }

    private static void required(Map<String, Problem> problems, String field, String value) {
        if (PrinterSettings.values(value).isEmpty()) {
            problems.putIfAbsent(field, new Problem("printer.required"));
        }
    }

    private static void oneOf(Map<String, Problem> problems, String field, String value, List<String> allowed) {
        required(problems, field, value);
        for (String v : PrinterSettings.values(value)) {
            if (!allowed.contains(v)) {
                problems.put(field, new Problem("printer.oneOf", v, String.join(", ", allowed)));
            }
        }
    }
}
