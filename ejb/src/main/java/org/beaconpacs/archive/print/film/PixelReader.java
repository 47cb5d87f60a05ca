package org.beaconpacs.archive.print.film;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.dict.Tag;

/** Reads an image box's pixels (PS3.3 C.13.5: native, 8 or 16 bits allocated, 1 or 3 samples) as a stream. */
final class PixelReader {

    private PixelReader() {
    }

    /** A grayscale image of 8-bit P-values, each stored value looked up in {@code table}. */
    static BufferedImage gray(Attributes image, byte[] table) throws IOException {
        int cols = image.getInt(Tag.Columns, 0);
        int rows = image.getInt(Tag.Rows, 0);
        int bitsAllocated = image.getInt(Tag.BitsAllocated, 8);
        int mask = table.length - 1;
        BufferedImage out = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        try (InputStream in = open(image)) {
            boolean big = bigEndian(image);
            byte[] row = new byte[cols * (bitsAllocated / 8)];
            for (int y = 0; y < rows; y++) {
                readFully(in, row);
                int o = y * cols;
                if (bitsAllocated == 8) {
                    for (int x = 0; x < cols; x++) {
                        dst[o + x] = table[row[x] & mask];
                    }
                } else {
                    for (int x = 0; x < cols; x++) {
                        int b0 = row[2 * x] & 0xFF;
                        int b1 = row[2 * x + 1] & 0xFF;
                        dst[o + x] = table[(big ? b0 << 8 | b1 : b1 << 8 | b0) & mask];
                    }
                }
            }
        }
        return out;
    }

    /** An RGB image, interleaved or planar (Planar Configuration), inverted for REVERSE polarity. */
    static BufferedImage rgb(Attributes image, boolean reverse) throws IOException {
        int cols = image.getInt(Tag.Columns, 0);
        int rows = image.getInt(Tag.Rows, 0);
        boolean planar = image.getInt(Tag.PlanarConfiguration, 0) == 1;
        BufferedImage out = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int flip = reverse ? 0xFFFFFF : 0;
        try (InputStream in = open(image)) {
            if (planar) {
                byte[] plane = new byte[cols];
                for (int s = 0; s < 3; s++) {
                    int shift = 16 - 8 * s;
                    for (int y = 0; y < rows; y++) {
                        readFully(in, plane);
                        for (int x = 0; x < cols; x++) {
                            dst[y * cols + x] |= (plane[x] & 0xFF) << shift;
                        }
                    }
                }
                if (flip != 0) {
                    for (int i = 0; i < dst.length; i++) {
                        dst[i] ^= flip;
                    }
                }
            } else {
                byte[] row = new byte[cols * 3];
                for (int y = 0; y < rows; y++) {
                    readFully(in, row);
                    for (int x = 0; x < cols; x++) {
                        dst[y * cols + x] = ((row[3 * x] & 0xFF) << 16 | (row[3 * x + 1] & 0xFF) << 8
                                | (row[3 * x + 2] & 0xFF)) ^ flip;
                    }
                }
            }
        }
        return out;
    }

    private static InputStream open(Attributes image) throws IOException {
        Object value = image.getValue(Tag.PixelData);
        if (value instanceof BulkData bulk) {
            return new BufferedInputStream(bulk.openStream(), 64 * 1024);
        }
        if (value instanceof byte[] bytes) {
            return new ByteArrayInputStream(bytes);
        }
        throw new IOException("the image box's Pixel Data is not native");
    }

    private static boolean bigEndian(Attributes image) {
        Object value = image.getValue(Tag.PixelData);
        return value instanceof BulkData bulk ? bulk.bigEndian() : image.isBigEndian();
    }

    private static void readFully(InputStream in, byte[] b) throws IOException {
        int n = in.readNBytes(b, 0, b.length);
        if (n < b.length) {
            throw new EOFException("Pixel Data ends before its Rows and Columns");
        }
    }
}
