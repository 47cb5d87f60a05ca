package org.beaconpacs.archive.print.film;

import java.awt.Rectangle;

/**
 * How an image of {@code columns} × {@code rows} pixels is placed in its image box: its printed size from
 * the Magnification Type (REPLICATE: the largest whole factor that fits, at least 1; BILINEAR and CUBIC:
 * the factor that fills the box; NONE: one image pixel per printer pixel) or the Requested Image Size
 * (the printed width in mm), centred; an image larger than its box is decimated (shrunk to fit), cropped
 * (its centre kept) or refused, as Requested Decimate/Crop Behavior (2020,0040) asks (DECIMATE by default).
 *
 * @param target where the (scaled) image is drawn, centred on the box, possibly larger than it (CROP)
 * @param outcome what happened to an image too large for its box
 */
public record ImagePlacement(Rectangle target, Outcome outcome) {

    public enum Outcome {
        /** It fits as asked. */
        FITS,
        /** Too large: shrunk to fit (PS3.4 status B604). */
        DECIMATED,
        /** Too large: cropped to the box (B609). */
        CROPPED,
        /** Too large, and the SCU asked for failure (C603). */
        TOO_LARGE
    }

    /** Vertical over horizontal size of an image's pixel (Pixel Aspect Ratio), 1 when absent. */
    public static double aspect(org.beaconpacs.dicom.data.Attributes image) {
        int[] ratio = image.getInts(org.beaconpacs.dicom.dict.Tag.PixelAspectRatio);
        return ratio != null && ratio.length == 2 && ratio[0] > 0 && ratio[1] > 0 ? ratio[0] / (double) ratio[1] : 1;
    }

    public static ImagePlacement of(Rectangle box, int columns, int rows, double aspect, String magnification,
                                    double requestedSizeMm, String decimateCrop, double pixelsPerMm) {
        double h = rows * aspect; // Pixel Aspect Ratio: vertical / horizontal size of a pixel
        double fit = Math.min(box.width / (double) columns, box.height / h);
        double factor;
        if (requestedSizeMm > 0) {
            factor = requestedSizeMm * pixelsPerMm / columns;
        } else {
            factor = switch (magnification == null ? "BILINEAR" : magnification) {
                case "REPLICATE" -> Math.max(1, Math.floor(fit + 1e-9));
                case "NONE" -> 1;
                default -> fit;
            };
        }
        Outcome outcome = Outcome.FITS;
        if (columns * factor > box.width + 0.5 || h * factor > box.height + 0.5) {
            String behavior = decimateCrop == null ? "DECIMATE" : decimateCrop;
            switch (behavior) {
                case "CROP" -> outcome = Outcome.CROPPED;
                case "FAIL" -> outcome = Outcome.TOO_LARGE;
                default -> {
                    outcome = Outcome.DECIMATED;
                    factor = fit;
                }
            }
        }
        int w = (int) Math.round(columns * factor);
        int ht = (int) Math.round(h * factor);
        return new ImagePlacement(new Rectangle(box.x + (box.width - w) / 2, box.y + (box.height - ht) / 2, w, ht),
                outcome);
    }
}
