package org.beaconpacs.archive.print.film;

/** A density value of PS3.3 C.13.3 (Border Density, Empty Image Density): BLACK, WHITE, or hundredths of OD. */
public final class Density {

    private Density() {
    }

    /**
     * The density in OD; BLACK is {@code maxDensity}, WHITE {@code minDensity} (hundredths of OD).
     *
     * @throws IllegalArgumentException if it is neither
     */
    public static double od(String value, int minDensity, int maxDensity) {
        String v = value == null ? "" : value.strip();
        return switch (v) {
            case "BLACK" -> maxDensity / 100.0;
            case "WHITE" -> minDensity / 100.0;
            default -> {
                try {
                    int hundredths = Integer.parseInt(v);
                    if (hundredths < 0) {
                        throw new IllegalArgumentException("a density is not negative: " + v);
                    }
                    yield hundredths / 100.0;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a density is BLACK, WHITE or hundredths of OD: " + v);
                }
            }
        };
    }
}
