package org.beaconpacs.dicom.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.data.Fragments;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.TransferSyntax;

/**
 * Writes a data set with encapsulated (compressed) pixel data in an uncompressed little-endian transfer
 * syntax: every attribute as it is, the pixel data decoded one frame at a time by a {@link FrameDecoder}
 * (never the whole image in memory), and the attributes that describe the pixels made true of the decoded
 * ones (Photometric Interpretation, Planar Configuration).
 */
public final class Decompression {

    /** Decodes the frames of one compressed transfer syntax. */
    public interface FrameDecoder {
        /**
         * One frame, decoded to rows × columns × samples × bitsAllocated/8 bytes, samples of a pixel together,
         * little endian.
         */
        byte[] decode(byte[] frame, ImageDescription image) throws IOException;

        /** The Photometric Interpretation of the decoded pixels (e.g. YBR_FULL_422 becomes YBR_FULL or RGB). */
        default String decodedPhotometric(ImageDescription image) {
            return image.photometric();
        }
    }

    /** What the decoder needs to know of the image. */
    public record ImageDescription(int rows, int columns, int samples, int bitsAllocated, int bitsStored,
                                   int pixelRepresentation, String photometric, int frames) {

        public static ImageDescription of(Attributes ds) {
            return new ImageDescription(ds.getInt(Tag.Rows, 0), ds.getInt(Tag.Columns, 0),
                    ds.getInt(Tag.SamplesPerPixel, 1), ds.getInt(Tag.BitsAllocated, 8), ds.getInt(Tag.BitsStored, 8),
                    ds.getInt(Tag.PixelRepresentation, 0), ds.getString(Tag.PhotometricInterpretation, "MONOCHROME2"),
                    Math.max(1, ds.getInt(Tag.NumberOfFrames, 1)));
        }

        public int frameLength() {
            return rows * columns * samples * (bitsAllocated / 8);
        }
    }

    private Decompression() {
    }

    /** Writes {@code dataset} in {@code target} (Explicit or Implicit VR Little Endian) with its pixels decoded. */
    public static void write(Attributes dataset, FrameDecoder decoder, OutputStream out, TransferSyntax target)
            throws IOException {
        if (target.bigEndian() || !target.isNative() || target.deflated()) {
            throw new IOException("decoded pixels are written little endian, uncompressed, not in " + target.uid());
        }
        Object pixels = dataset.getValue(Tag.PixelData);
        if (!(pixels instanceof Fragments fragments)) {
            throw new IOException("the data set has no encapsulated pixel data to decode");
        }
        ImageDescription image = ImageDescription.of(dataset);
        if (image.bitsAllocated() % 8 != 0 || image.frameLength() == 0) {
            throw new IOException("cannot decode an image of " + image.bitsAllocated() + " bits allocated, "
                    + image.rows() + " × " + image.columns());
        }
        Attributes attrs = new Attributes(dataset);
        attrs.remove(Tag.PixelData);
        attrs.setString(Tag.PhotometricInterpretation, VR.CS, decoder.decodedPhotometric(image));
        if (image.samples() > 1) {
            attrs.setInt(Tag.PlanarConfiguration, VR.US, 0);
        }
        DicomWriter w = new DicomWriter(out);
        w.setTransferSyntax(target);
        int i = 0;
        for (; i < attrs.size() && Integer.compareUnsigned(attrs.tagAt(i), Tag.PixelData) < 0; i++) {
            w.writeElement(attrs, i);
        }
        long length = (long) image.frameLength() * image.frames();
        w.writeHeader(Tag.PixelData, image.bitsAllocated() > 8 ? VR.OW : VR.OB, length + (length & 1));
        FrameSplitter frames = new FrameSplitter(fragments, image.frames());
        for (int f = 0; f < image.frames(); f++) {
            byte[] decoded = decoder.decode(frames.frame(f), image);
            if (decoded.length != image.frameLength()) {
                throw new IOException("frame " + (f + 1) + " decoded to " + decoded.length + " bytes, "
                        + image.frameLength() + " expected");
            }
            w.write(decoded, 0, decoded.length);
        }
        if ((length & 1) != 0) {
            w.write(new byte[1], 0, 1);
        }
        for (; i < attrs.size(); i++) {
            w.writeElement(attrs, i);
        }
        w.flush();
    }

    /**
     * The fragments of each frame (PS3.5 A.4): all of them for a single frame; by the Basic Offset Table
     * where there is one; else one fragment a frame.
     */
    public static final class FrameSplitter {
        private final Fragments fragments;
        private final int frames;
        private final long[] offsets;

        public FrameSplitter(Fragments fragments, int frames) throws IOException {
            this.fragments = fragments;
            this.frames = frames;
            byte[] table = bytes(fragments.items().get(0));
            if (frames > 1 && table.length >= 4 * frames) {
                offsets = new long[frames];
                for (int f = 0; f < frames; f++) {
                    offsets[f] = (table[4 * f] & 0xFFL) | (table[4 * f + 1] & 0xFFL) << 8
                            | (table[4 * f + 2] & 0xFFL) << 16 | (table[4 * f + 3] & 0xFFL) << 24;
                }
            } else if (frames > 1 && fragments.size() - 1 != frames) {
                throw new IOException(frames + " frames in " + (fragments.size() - 1)
                        + " fragments without a Basic Offset Table: cannot tell the frames apart");
            } else {
                offsets = null;
            }
        }

        /** Frame {@code f} (counted from 0): its fragments' bytes, concatenated. */
        public byte[] frame(int f) throws IOException {
            if (frames == 1) {
                return concat(1, fragments.size());
            }
            if (offsets == null) {
                return bytes(fragments.items().get(f + 1));
            }
            // offsets count from the first fragment's item tag: 8 bytes of item header per fragment
            long position = 0;
            int first = -1;
            int end = fragments.size();
            for (int k = 1; k < fragments.size(); k++) {
                if (position == offsets[f]) {
                    first = k;
                }
                if (f + 1 < frames && position == offsets[f + 1]) {
                    end = k;
                    break;
                }
                position += 8 + fragments.length(k);
            }
            if (first < 0) {
                throw new IOException("the Basic Offset Table points frame " + (f + 1) + " at no fragment");
            }
            return concat(first, end);
        }

        private byte[] concat(int from, int to) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int k = from; k < to; k++) {
                out.write(bytes(fragments.items().get(k)));
            }
            return out.toByteArray();
        }

        private static byte[] bytes(Object item) throws IOException {
            return item instanceof BulkData b ? b.toBytes() : (byte[]) item;
        }
    }
}
