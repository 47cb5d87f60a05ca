package org.beaconpacs.archive.print.film;

import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;

/**
 * The grayscale path of PS3.4 H.2.1.2 as one table: a stored pixel value of an image box, through
 * MONOCHROME1 inversion and Polarity, then the Presentation LUT (IDENTITY: the values are P-values; LIN OD:
 * they are linear in optical density from Max Density at 0 to Min Density at the top; or the LUT's own
 * data) to an 8-bit P-value, 0 darkest, 255 lightest.
 */
public final class GrayscaleLut {

    private GrayscaleLut() {
    }

    /**
     * @param bitsStored 8 or 12
     * @param lut the Presentation LUT: an item with Presentation LUT Shape or Presentation LUT Sequence; null
     *     for IDENTITY
     */
    public static byte[] of(int bitsStored, boolean monochrome1, boolean reverse, Attributes lut, Gsdf gsdf,
                            double minDensity, double maxDensity) {
        int size = 1 << bitsStored;
        int max = size - 1;
        boolean invert = monochrome1 ^ reverse;
        Attributes explicit = lut == null ? null : lut.getItem(Tag.PresentationLUTSequence, 0);
        String shape = lut == null ? "IDENTITY" : lut.getString(Tag.PresentationLUTShape, "IDENTITY").strip();
        int[] descriptor = explicit == null ? null : explicit.getInts(Tag.LUTDescriptor);
        int[] data = explicit == null ? null : lutData(explicit);
        byte[] table = new byte[size];
        for (int v = 0; v < size; v++) {
            int in = invert ? max - v : v;
            double p;
            if (data != null) {
                int entries = data.length;
                int index = (int) Math.round(in * (entries - 1) / (double) max);
                p = data[index] / (double) ((1 << descriptor[2]) - 1);
            } else if (shape.equals("LIN OD")) {
                double od = maxDensity - in / (double) max * (maxDensity - minDensity);
                p = gsdf.pValue(od);
            } else {
                p = in / (double) max;
            }
            table[v] = (byte) Math.round(Math.max(0, Math.min(1, p)) * 255);
        }
        return table;
    }

    /** LUT Data as unsigned 16-bit values (US or OW, PS3.3 C.11.1). */
    private static int[] lutData(Attributes item) {
        int[] values = item.getInts(Tag.LUTData);
        for (int i = 0; i < values.length; i++) {
            values[i] &= 0xFFFF;
        }
        return values;
    }
}
