package org.beaconpacs.archive.image;

import java.awt.image.Raster;

/** The samples of a decoded raster in DICOM's native layout: a pixel's samples together, little endian. */
final class Samples {

    private Samples() {
    }

    static byte[] interleaved(Raster raster, int bitsAllocated) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        int bytes = bitsAllocated / 8;
        byte[] out = new byte[w * h * bands * bytes];
        int[] row = new int[w * bands];
        int o = 0;
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            for (int v : row) {
                for (int b = 0; b < bytes; b++) {
                    out[o++] = (byte) (v >>> (8 * b));
                }
            }
        }
        return out;
    }
}
