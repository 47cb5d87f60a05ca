package org.beaconpacs.archive.render;

/**
 * How a frame is rendered (PS3.18 8.3.5.1): the window (null: the instance's first, else its frame's value
 * range), the viewport the image is fitted into keeping its aspect (0: the image's own size), the source
 * region (null: the whole frame) and the JPEG quality (1 to 100).
 */
public record Rendering(Window window, int viewportWidth, int viewportHeight, Region region, int quality) {

    public static final int DEFAULT_QUALITY = 90;

    /** A rectangle of the frame, in pixels. */
    public record Region(int x, int y, int width, int height) {
        public Region {
            if (x < 0 || y < 0 || width < 1 || height < 1) {
                throw new IllegalArgumentException("a source region needs x, y ≥ 0 and a width and height ≥ 1");
            }
        }
    }

    public Rendering {
        if (viewportWidth < 0 || viewportHeight < 0) {
            throw new IllegalArgumentException("a viewport's width and height are positive");
        }
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality is 1 to 100, not " + quality);
        }
    }

    /** The instance's own window, size and region. */
    public static Rendering defaults() {
        return new Rendering(null, 0, 0, null, DEFAULT_QUALITY);
    }
}
