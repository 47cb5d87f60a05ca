package org.beaconpacs.archive.print.film;

/**
 * The Grayscale Standard Display Function of PS3.14 and the hardcopy mapping between optical density and
 * P-values (PS3.14 7.2): a transmissive film on a light box of luminance L0 (Illumination) in a room
 * reflecting La (Reflected Ambient Light) has luminance L = La + L0 * 10^-D. P-values span the JND indices
 * between the film's darkest (Max Density) and lightest (Min Density) luminance.
 */
public final class Gsdf {

    // PS3.14 Table 7-1 (j to luminance) and 7-2 (luminance to j)
    private static final double A = -1.3011877, B = -2.5840191e-2, C = 8.0242636e-2, D = -1.0320229e-1,
            E = 1.3646699e-1, F = 2.8745620e-2, G = -2.5468404e-2, H = -3.1978977e-3, K = 1.2992634e-4,
            M = 1.3635334e-3;
    private static final double[] J_OF_LOG_L = {71.498068, 94.593053, 41.912053, 9.8247004, 0.28175407,
            -1.1878455, -0.18014349, 0.14710899, -0.017046845};

    private final double l0;
    private final double la;
    private final double jMin;
    private final double jMax;

    /**
     * @param illumination L0 in cd/m²
     * @param reflectedAmbientLight La in cd/m²
     * @param minDensity the lightest density of the film, in OD
     * @param maxDensity the darkest, in OD
     */
    public Gsdf(double illumination, double reflectedAmbientLight, double minDensity, double maxDensity) {
        this.l0 = illumination;
        this.la = reflectedAmbientLight;
        this.jMin = jnd(luminanceOf(maxDensity));
        this.jMax = jnd(luminanceOf(minDensity));
    }

    /** Luminance (cd/m²) of JND index j, 1 to 1023. */
    public static double luminance(double j) {
        double x = Math.log(j);
        double num = A + C * x + E * x * x + G * x * x * x + M * x * x * x * x;
        double den = 1 + B * x + D * x * x + F * x * x * x + H * x * x * x * x + K * x * x * x * x * x;
        return Math.pow(10, num / den);
    }

    /** JND index of luminance l (cd/m², 0.05 to 4000). */
    public static double jnd(double l) {
        double x = Math.log10(l);
        double j = 0;
        double power = 1;
        for (double coefficient : J_OF_LOG_L) {
            j += coefficient * power;
            power *= x;
        }
        return j;
    }

    private double luminanceOf(double density) {
        return la + l0 * Math.pow(10, -density);
    }

    /** The P-value, 0 (darkest) to 1 (lightest), that prints as optical density {@code density}. */
    public double pValue(double density) {
        double p = (jnd(luminanceOf(density)) - jMin) / (jMax - jMin);
        return Math.max(0, Math.min(1, p));
    }

    /** The optical density a P-value (0 to 1) prints as. */
    public double density(double pValue) {
        double l = luminance(jMin + pValue * (jMax - jMin));
        return -Math.log10((l - la) / l0);
    }
}
