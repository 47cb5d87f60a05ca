package org.beaconpacs.dicom.image;

import java.io.IOException;

/**
 * RLE Lossless (PS3.5 Annex G): a frame is a 64-byte header (the number of segments, then up to 15
 * segment offsets) and segments, one for each byte of each sample, most significant byte first, each a
 * byte-oriented run-length (PackBits) stream. Decoded here into the native layout: samples of a pixel
 * together (Planar Configuration 0), each little endian.
 */
public final class RleDecoder {

    /** RLE Lossless frames as {@link Decompression} decodes them. */
    public static final Decompression.FrameDecoder FRAMES = (frame, image) ->
            decode(frame, image.rows(), image.columns(), image.samples(), image.bitsAllocated());

    private RleDecoder() {
    }

    /**
     * Decodes one frame.
     *
     * @param bitsAllocated 8, 16 or 32
     * @return rows × columns × samples × bitsAllocated/8 bytes
     */
    public static byte[] decode(byte[] frame, int rows, int columns, int samples, int bitsAllocated)
            throws IOException {
        int bytesPerSample = bitsAllocated / 8;
        int pixels = rows * columns;
        int segments = samples * bytesPerSample;
        if (frame.length < 64) {
            throw new IOException("RLE frame shorter than its 64-byte header");
        }
        int declared = uint32(frame, 0);
        if (declared != segments) {
            throw new IOException("RLE header declares " + declared + " segments, the image needs " + segments);
        }
        byte[] out = new byte[pixels * segments];
        for (int s = 0; s < segments; s++) {
            int start = uint32(frame, 4 + 4 * s);
            int end = s + 1 < segments ? uint32(frame, 8 + 4 * s) : frame.length;
            if (start < 64 || end > frame.length || start > end) {
                throw new IOException("RLE segment " + (s + 1) + " lies outside the frame");
            }
            int sample = s / bytesPerSample;
            // segment 0 of a sample holds its most significant byte: in little endian, the last one
            int byteInSample = bytesPerSample - 1 - s % bytesPerSample;
            unpack(frame, start, end, out, sample * bytesPerSample + byteInSample, segments, pixels);
        }
        return out;
    }

    /** PackBits: n in 0..127 copies n+1 bytes, n in -127..-1 repeats the next byte 1-n times, -128 is nothing. */
    private static void unpack(byte[] in, int pos, int end, byte[] out, int first, int stride, int count)
            throws IOException {
        int o = first;
        int written = 0;
        while (written < count && pos < end) {
            int n = in[pos++];
            if (n >= 0) {
                int run = n + 1;
                if (pos + run > end || written + run > count) {
                    throw new IOException("RLE literal run beyond its segment or the image");
                }
                for (int i = 0; i < run; i++, o += stride) {
                    out[o] = in[pos++];
                }
                written += run;
            } else if (n != -128) {
                int run = 1 - n;
                if (pos >= end || written + run > count) {
                    throw new IOException("RLE replicate run beyond its segment or the image");
                }
                byte b = in[pos++];
                for (int i = 0; i < run; i++, o += stride) {
                    out[o] = b;
                }
                written += run;
            }
        }
        if (written < count) {
            throw new IOException("RLE segment ends after " + written + " of " + count + " bytes");
        }
    }

    private static int uint32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }
}
