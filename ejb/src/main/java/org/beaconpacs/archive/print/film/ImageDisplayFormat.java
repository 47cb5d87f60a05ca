package org.beaconpacs.archive.print.film;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An Image Display Format (2010,0010) of PS3.3 C.13.3: how a film is cut into image boxes, numbered from
 * 1 left to right, top to bottom (COL: top to bottom, column after column). STANDARD\C,R: R rows of C
 * equal boxes; ROW\R1,R2,...: rows of equal height holding R1, R2... boxes; COL\C1,C2,...: columns of
 * equal width holding C1, C2... boxes; SLIDE and SUPERSLIDE: 35 mm slides (36 × 24 mm) or superslides
 * (38 × 38 mm), each in a 50 mm mount, as many as fit the film; CUSTOM\n: a printer's own layout, written
 * as one of the others.
 */
public final class ImageDisplayFormat {

    /** Slide mounts are 50 mm squares. */
    private static final double MOUNT_MM = 50;

    private final String value;
    private final String family;
    private final int[] counts;

    private ImageDisplayFormat(String value, String family, int[] counts) {
        this.value = value;
        this.family = family;
        this.counts = counts;
    }

    /**
     * Parses {@code value}; CUSTOM\n is resolved through {@code custom} (n to a format of another family).
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static ImageDisplayFormat parse(String value, Map<String, String> custom) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no Image Display Format");
        }
        String[] parts = value.strip().split("\\\\", -1);
        String family = parts[0].strip();
        switch (family) {
            case "SLIDE", "SUPERSLIDE" -> {
                if (parts.length != 1) {
                    throw new IllegalArgumentException(family + " takes no parameters: " + value);
                }
                return new ImageDisplayFormat(value.strip(), family, new int[0]);
            }
            case "CUSTOM" -> {
                String layout = parts.length == 2 ? custom.get(parts[1].strip()) : null;
                if (layout == null || layout.startsWith("CUSTOM")) {
                    throw new IllegalArgumentException("no custom format " + value + " is configured");
                }
                ImageDisplayFormat resolved = parse(layout, Map.of());
                return new ImageDisplayFormat(value.strip(), resolved.family, resolved.counts);
            }
            case "STANDARD", "ROW", "COL" -> {
                if (parts.length != 2 || parts[1].isBlank()) {
                    throw new IllegalArgumentException(family + " needs its numbers: " + value);
                }
                String[] numbers = parts[1].split(",");
                int[] counts = new int[numbers.length];
                for (int i = 0; i < numbers.length; i++) {
                    try {
                        counts[i] = Integer.parseInt(numbers[i].strip());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("not a number in " + value + ": " + numbers[i]);
                    }
                    if (counts[i] < 1 || counts[i] > 32) {
                        throw new IllegalArgumentException("1 to 32 boxes a row or column: " + value);
                    }
                }
                if (family.equals("STANDARD") && counts.length != 2) {
                    throw new IllegalArgumentException("STANDARD\\C,R has two numbers: " + value);
                }
                return new ImageDisplayFormat(value.strip(), family, counts);
            }
            default -> throw new IllegalArgumentException("unknown Image Display Format " + value);
        }
    }

    /** The family as written in the value (STANDARD, ROW, COL, SLIDE, SUPERSLIDE, CUSTOM). */
    public String family() {
        String first = value.split("\\\\")[0];
        return first;
    }

    public String value() {
        return value;
    }

    /** Number of image boxes on a film of {@code size}. */
    public int boxes(FilmSize size, boolean landscape) {
        return switch (family) {
            case "STANDARD" -> counts[0] * counts[1];
            case "ROW", "COL" -> java.util.Arrays.stream(counts).sum();
            default -> slides(size, landscape)[0] * slides(size, landscape)[1];
        };
    }

    /**
     * The image boxes' rectangles, in the order of their positions, within {@code area} (pixels), with
     * {@code gap} pixels between neighbours. A slide's rectangle is its picture, centred in its mount.
     */
    public List<Rectangle> cells(Rectangle area, int gap, FilmSize size, boolean landscape, double pixelsPerMm) {
        List<Rectangle> cells = new ArrayList<>();
        switch (family) {
            case "STANDARD" -> {
                int cols = counts[0];
                int rows = counts[1];
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        cells.add(cell(area, gap, cols, rows, c, r));
                    }
                }
            }
            case "ROW" -> {
                for (int r = 0; r < counts.length; r++) {
                    for (int c = 0; c < counts[r]; c++) {
                        cells.add(cell(area, gap, counts[r], counts.length, c, r));
                    }
                }
            }
            case "COL" -> {
                // a list of columns: numbered down the first column, then down the next
                for (int c = 0; c < counts.length; c++) {
                    for (int r = 0; r < counts[c]; r++) {
                        cells.add(cell(area, gap, counts.length, counts[c], c, r));
                    }
                }
            }
            default -> {
                int[] grid = slides(size, landscape);
                double pictureW = family.equals("SLIDE") ? 36 : 38;
                double pictureH = family.equals("SLIDE") ? 24 : 38;
                for (int r = 0; r < grid[1]; r++) {
                    for (int c = 0; c < grid[0]; c++) {
                        Rectangle mount = cell(area, 0, grid[0], grid[1], c, r);
                        int w = (int) Math.round(pictureW * pixelsPerMm);
                        int h = (int) Math.round(pictureH * pixelsPerMm);
                        cells.add(new Rectangle(mount.x + (mount.width - w) / 2, mount.y + (mount.height - h) / 2,
                                w, h));
                    }
                }
            }
        }
        return cells;
    }

    /** Box (c, r) of a grid of cols × rows boxes filling {@code area} with {@code gap} between them. */
    static Rectangle cell(Rectangle area, int gap, int cols, int rows, int c, int r) {
        int w = (area.width - (cols - 1) * gap) / cols;
        int h = (area.height - (rows - 1) * gap) / rows;
        return new Rectangle(area.x + c * (w + gap), area.y + r * (h + gap), w, h);
    }

    /** Columns and rows of slide mounts on the film. */
    private static int[] slides(FilmSize size, boolean landscape) {
        double w = landscape ? size.heightMm() : size.widthMm();
        double h = landscape ? size.widthMm() : size.heightMm();
        return new int[] {Math.max(1, (int) (w / MOUNT_MM)), Math.max(1, (int) (h / MOUNT_MM))};
    }

    @Override
    public String toString() {
        return value;
    }
}
