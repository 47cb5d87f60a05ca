package org.beaconpacs.archive.print.film;

import java.awt.Rectangle;
import java.util.List;
import java.util.Map;

/**
 * Where everything goes on one film at a printer's resolution: the film in pixels, a margin of
 * {@value #GAP_INCHES} in around the film and between image boxes, a strip at the bottom for the
 * annotation boxes when there are any, and each image box's rectangle.
 */
public final class FilmGeometry {

    public static final double GAP_INCHES = 0.1;
    public static final double ANNOTATION_INCHES = 0.3;

    private final int width;
    private final int height;
    private final int gap;
    private final Rectangle annotationStrip;
    private final List<Rectangle> cells;

    public FilmGeometry(FilmSize size, boolean landscape, ImageDisplayFormat format, int annotations, int dpi) {
        int[] px = size.pixels(dpi, landscape);
        this.width = px[0];
        this.height = px[1];
        this.gap = (int) Math.round(GAP_INCHES * dpi);
        int strip = annotations > 0 ? (int) Math.round(ANNOTATION_INCHES * dpi) : 0;
        int bottom = height - gap - (strip > 0 ? strip + gap : 0);
        this.annotationStrip = strip > 0 ? new Rectangle(gap, height - gap - strip, width - 2 * gap, strip) : null;
        Rectangle area = new Rectangle(gap, gap, width - 2 * gap, bottom - gap);
        this.cells = List.copyOf(format.cells(area, gap, size, landscape, dpi / 25.4));
    }

    /** The geometry of a film box's attributes (Film Size ID, Film Orientation, Image Display Format). */
    public static FilmGeometry of(String filmSizeId, String orientation, String displayFormat,
                                  Map<String, String> customFormats, int annotations, int dpi) {
        FilmSize size = FilmSize.of(filmSizeId);
        if (size == null) {
            throw new IllegalArgumentException("unknown Film Size ID " + filmSizeId);
        }
        return new FilmGeometry(size, "LANDSCAPE".equals(orientation),
                ImageDisplayFormat.parse(displayFormat, customFormats), annotations, dpi);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int gap() {
        return gap;
    }

    /** The annotation boxes' strip, cut into equal parts by position; null without annotation boxes. */
    public Rectangle annotationStrip() {
        return annotationStrip;
    }

    /** Annotation position {@code position} (1-based) of {@code count}. */
    public Rectangle annotationBox(int position, int count) {
        Rectangle s = annotationStrip;
        int w = s.width / count;
        return new Rectangle(s.x + (position - 1) * w, s.y, w, s.height);
    }

    /** The image boxes' rectangles; position n is element n - 1. */
    public List<Rectangle> cells() {
        return cells;
    }
}
