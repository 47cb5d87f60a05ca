package org.beaconpacs.archive.render;

/**
 * A VOI window (PS3.3 C.11.2.1.2): center and width in modality values, and the VOI LUT Function that maps
 * them to display values.
 */
public record Window(double center, double width, Function function) {

    /** PS3.3 C.11.2.1.3 VOI LUT Function. */
    public enum Function {
        LINEAR, LINEAR_EXACT, SIGMOID;

        /** The function a VOI LUT Function value names; LINEAR for none or an unknown one. */
        public static Function of(String value) {
            if (value == null) {
                return LINEAR;
            }
            return switch (value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_')) {
                case "LINEAR_EXACT" -> LINEAR_EXACT;
                case "SIGMOID" -> SIGMOID;
                default -> LINEAR;
            };
        }
    }

    public Window {
        if (!(width > 0) || function == Function.LINEAR && width < 1) {
            throw new IllegalArgumentException("window width " + width + (function == Function.LINEAR
                    ? ": LINEAR needs at least 1" : ": must be above 0"));
        }
    }

    /** The display value, 0 to 255, of modality value {@code x} (PS3.3 C.11.2.1.2.1, C.11.2.1.3.1/2). */
    public int apply(double x) {
        double y;
        switch (function) {
            case LINEAR -> {
                double c = center - 0.5;
                double half = (width - 1) / 2;
                if (x <= c - half) {
                    return 0;
                }
                if (x > c + half) {
                    return 255;
                }
                y = ((x - c) / (width - 1) + 0.5) * 255;
            }
            case LINEAR_EXACT -> {
                if (x <= center - width / 2) {
                    return 0;
                }
                if (x > center + width / 2) {
                    return 255;
                }
                y = ((x - center) / width + 0.5) * 255;
            }
            default -> y = 255 / (1 + Math.exp(-4 * (x - center) / width));
        }
        return (int) Math.max(0, Math.min(255, Math.round(y)));
    }
}
