package org.beaconpacs.archive.print.film;

import java.util.Map;

/**
 * A Film Size ID (2010,0050) of PS3.3 C.13.3 and its dimensions, width by height with the film in
 * portrait orientation.
 */
public record FilmSize(String id, double widthMm, double heightMm) {

    private static final double INCH = 25.4;
    private static final Map<String, FilmSize> DEFINED = Map.ofEntries(
            inches("8INX10IN", 8, 10), inches("8_5INX11IN", 8.5, 11), inches("10INX12IN", 10, 12),
            inches("10INX14IN", 10, 14), inches("11INX14IN", 11, 14), inches("11INX17IN", 11, 17),
            inches("14INX14IN", 14, 14), inches("14INX17IN", 14, 17),
            mm("24CMX24CM", 240, 240), mm("24CMX30CM", 240, 300), mm("A4", 210, 297), mm("A3", 297, 420));

    /** The film size of {@code id}, or null if PS3.3 defines none of that name. */
    public static FilmSize of(String id) {
        return id == null ? null : DEFINED.get(id.strip());
    }

    /** Width and height in pixels at {@code dpi}, turned for LANDSCAPE. */
    public int[] pixels(int dpi, boolean landscape) {
        int w = (int) Math.round(widthMm / INCH * dpi);
        int h = (int) Math.round(heightMm / INCH * dpi);
        return landscape ? new int[] {h, w} : new int[] {w, h};
    }

    /** Width and height in PDF points (1/72 in), turned for LANDSCAPE. */
    public float[] points(boolean landscape) {
        float w = (float) (widthMm / INCH * 72);
        float h = (float) (heightMm / INCH * 72);
        return landscape ? new float[] {h, w} : new float[] {w, h};
    }

    private static Map.Entry<String, FilmSize> inches(String id, double w, double h) {
        return Map.entry(id, new FilmSize(id, w * INCH, h * INCH));
    }

    private static Map.Entry<String, FilmSize> mm(String id, double w, double h) {
        return Map.entry(id, new FilmSize(id, w, h));
    }
}
