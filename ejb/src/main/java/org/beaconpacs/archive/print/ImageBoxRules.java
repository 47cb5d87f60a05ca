package org.beaconpacs.archive.print;

import java.util.List;
import org.beaconpacs.archive.print.film.ImagePlacement;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.net.dimse.Status;

/**
 * The image of an Image Box N-SET (PS3.4 H.4.3): a grayscale box takes MONOCHROME1/2 pixels of 8 bits,
 * or 12 bits in 16; a color box RGB of 8 bits, interleaved or planar; native, unsigned, as many bytes as
 * Rows × Columns say. Then whether it fits its box as asked (0xB604, 0xB609, 0xC603).
 */
final class ImageBoxRules {

    private ImageBoxRules() {
    }

    /** The image item, checked; 0x0120 without one, 0x0106 naming what is wrong with it. */
    static Attributes image(Attributes given, boolean color) throws PrintRefused {
        int sequence = color ? Tag.BasicColorImageSequence : Tag.BasicGrayscaleImageSequence;
        int other = color ? Tag.BasicGrayscaleImageSequence : Tag.BasicColorImageSequence;
        if (given.contains(other)) {
            throw PrintRules.invalid(other, (color ? "a color" : "a grayscale") + " image box takes "
                    + (color ? "Basic Color" : "Basic Grayscale") + " Image Sequence");
        }
        Attributes image = given.getItem(sequence, 0);
        if (image == null) {
            throw PrintRules.missing(sequence, "the image box's image is missing");
        }
        int rows = positive(image, Tag.Rows);
        int cols = positive(image, Tag.Columns);
        int samples = image.getInt(Tag.SamplesPerPixel, 0);
        String photometric = image.getString(Tag.PhotometricInterpretation, "").strip();
        int allocated = image.getInt(Tag.BitsAllocated, 0);
        int stored = image.getInt(Tag.BitsStored, 0);
        int high = image.getInt(Tag.HighBit, -1);
        if (color) {
            expect(samples == 3, Tag.SamplesPerPixel, "3 samples for a color image box, not " + samples);
            expect(photometric.equals("RGB"), Tag.PhotometricInterpretation, "RGB, not " + photometric);
            expect(allocated == 8 && stored == 8, Tag.BitsStored, "8 bits per sample, not " + stored);
        } else {
            expect(samples == 1, Tag.SamplesPerPixel, "1 sample for a grayscale image box, not " + samples);
            expect(List.of("MONOCHROME1", "MONOCHROME2").contains(photometric), Tag.PhotometricInterpretation,
                    "MONOCHROME1 or MONOCHROME2, not " + photometric);
            expect(allocated == 8 && stored == 8 || allocated == 16 && stored == 12, Tag.BitsStored,
                    "8 bits stored in 8, or 12 in 16, not " + stored + " in " + allocated);
        }
        expect(high == stored - 1, Tag.HighBit, "High Bit " + high + " with " + stored + " bits stored");
        expect(image.getInt(Tag.PixelRepresentation, 0) == 0, Tag.PixelRepresentation, "unsigned pixels only");
        long expected = (long) rows * cols * samples * (allocated / 8);
        Object pixels = image.getValue(Tag.PixelData);
        long length = pixels instanceof BulkData b ? b.length() : pixels instanceof byte[] a ? a.length : -1;
        if (length < 0) {
            throw PrintRules.missing(Tag.PixelData, "the image has no native Pixel Data");
        }
        expect(length == expected || length == expected + 1, Tag.PixelData, "Pixel Data of " + length
                + " bytes for " + cols + " x " + rows + " pixels of " + allocated + " bits (" + expected + ")");
        return image;
    }

    /** Whether the image fits its box as the box asks: a warning, or 0xC603 for FAIL. */
    static PrintOutcome placement(PrintOutcome outcome, ImagePlacement placement) throws PrintRefused {
        return switch (placement.outcome()) {
            case FITS -> outcome;
            case DECIMATED -> outcome.warn(PrintStatus.DEMAGNIFIED, "image larger than its box: demagnified");
            case CROPPED -> outcome.warn(PrintStatus.CROPPED, "image larger than its box: cropped");
            case TOO_LARGE -> throw new PrintRefused(PrintStatus.IMAGE_TOO_LARGE,
                    "image larger than its box, and the SCU asked to fail (FAIL)", Tag.RequestedDecimateCropBehavior);
        };
    }

    private static int positive(Attributes image, int tag) throws PrintRefused {
        int v = image.getInt(tag, 0);
        expect(v > 0 && v <= 16384, tag, "1 to 16384, not " + v);
        return v;
    }

    private static void expect(boolean ok, int tag, String why) throws PrintRefused {
        if (!ok) {
            throw new PrintRefused(Status.INVALID_ATTRIBUTE_VALUE, why, tag);
        }
    }
}
