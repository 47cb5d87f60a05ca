package org.beaconpacs.archive.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.image.Decompression.ImageDescription;

/**
 * Renders a frame for display (PS3.18 8.3.5: "rendered" media types): grayscale through the Modality LUT
 * (rescale) and the VOI window to 8 bits, MONOCHROME1 inverted; color converted to RGB (RGB, YBR_FULL,
 * YBR_FULL_422, PALETTE COLOR); then the source region cut and the result fitted into the viewport.
 */
public final class FrameRenderer {

    private FrameRenderer() {
    }

    /** Frame {@code n} (from 1) of {@code image} as {@code rendering} asks. */
    public static BufferedImage render(StoredImage image, int n, Rendering rendering) throws IOException {
        if (!image.hasPixels()) {
            throw new CannotRenderException("the instance has no Pixel Data");
        }
        if (!image.decodable()) {
            throw new CannotRenderException("the pixels of this instance (" + image.description().bitsAllocated()
                    + " bits allocated, transfer syntax " + image.transferSyntax() + ") cannot be decoded here");
        }
        ImageDescription d = image.description();
        byte[] frame = image.nativeFrame(n);
        String photometric = image.nativePhotometric();
        BufferedImage out;
        if (photometric.startsWith("MONOCHROME")) {
            out = gray(image.attributes(), d, n, frame, photometric.equals("MONOCHROME1"), rendering.window());
        } else {
            out = color(image.attributes(), d, frame, photometric);
        }
        return fit(crop(out, rendering.region()), rendering.viewportWidth(), rendering.viewportHeight());
    }

    private static BufferedImage gray(Attributes ds, ImageDescription d, int n, byte[] frame, boolean monochrome1,
                                      Window asked) throws CannotRenderException {
        if (d.samples() != 1 || d.bitsAllocated() != 8 && d.bitsAllocated() != 16) {
            throw new CannotRenderException("grayscale rendering takes 8 or 16 bits allocated, one sample");
        }
        Attributes transform = frameGroup(ds, n, Tag.PixelValueTransformationSequence);
        double slope = transform.getDouble(Tag.RescaleSlope, 1);
        double intercept = transform.getDouble(Tag.RescaleIntercept, 0);
        int bitsStored = Math.min(d.bitsStored(), d.bitsAllocated());
        boolean signed = d.pixelRepresentation() == 1;
        int pixels = d.rows() * d.columns();
        boolean sixteen = d.bitsAllocated() == 16;
        int mask = (1 << bitsStored) - 1;
        int sign = 1 << (bitsStored - 1);
        Window window = asked != null ? asked : windowOf(ds, n);
        if (window == null) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < pixels; i++) {
                int v = stored(frame, i, sixteen, mask, sign, signed);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double lo = min * slope + intercept;
            double hi = max * slope + intercept;
            // LINEAR_EXACT maps the lowest value to black and the highest to white exactly
            window = new Window((lo + hi) / 2, Math.max(1, Math.abs(hi - lo)), Window.Function.LINEAR_EXACT);
        }
        // one table over the stored values' range: each pixel costs a lookup
        int low = signed ? -sign : 0;
        byte[] table = new byte[1 << bitsStored];
        boolean invert = monochrome1 ^ "INVERSE".equals(ds.getString(Tag.PresentationLUTShape));
        for (int i = 0; i < table.length; i++) {
            int y = window.apply((low + i) * slope + intercept);
            table[i] = (byte) (invert ? 255 - y : y);
        }
        BufferedImage out = new BufferedImage(d.columns(), d.rows(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels; i++) {
            dst[i] = table[stored(frame, i, sixteen, mask, sign, signed) - low];
        }
        return out;
    }

    /**
     * The stored value of pixel {@code i}, read where it lies in the frame (no copy of the frame as values:
     * a 512x512 one would be a 1 MiB array, a region of its own for the garbage collector each time).
     */
    private static int stored(byte[] frame, int i, boolean sixteen, int mask, int sign, boolean signed) {
        int raw = sixteen ? (frame[2 * i] & 0xFF) | (frame[2 * i + 1] & 0xFF) << 8 : frame[i] & 0xFF;
        int v = raw & mask;
        return signed && (v & sign) != 0 ? v - (mask + 1) : v;
    }

    /** The window the instance gives for frame {@code n}: functional groups first, then the top level. */
    private static Window windowOf(Attributes ds, int n) {
        Attributes voi = frameGroup(ds, n, Tag.FrameVOILUTSequence);
        double[] centers = voi.getDoubles(Tag.WindowCenter);
        double[] widths = voi.getDoubles(Tag.WindowWidth);
        if (centers == null || widths == null || centers.length == 0 || widths.length == 0) {
            return null;
        }
        Window.Function function = Window.Function.of(voi.getString(Tag.VOILUTFunction));
        try {
            return new Window(centers[0], widths[0], function);
        } catch (IllegalArgumentException e) {
            return null; // a width the function cannot take: fall back to the value range
        }
    }

    /**
     * The item of functional group {@code sequence} for frame {@code n} (per frame, else shared) of an
     * enhanced multi-frame instance, or the data set itself where it has none.
     */
    private static Attributes frameGroup(Attributes ds, int n, int sequence) {
        for (int groups : new int[]{Tag.PerFrameFunctionalGroupsSequence, Tag.SharedFunctionalGroupsSequence}) {
            Attributes item = ds.getItem(groups, groups == Tag.PerFrameFunctionalGroupsSequence ? n - 1 : 0);
            Attributes group = item == null ? null : item.getItem(sequence, 0);
            if (group != null) {
                return group;
            }
        }
        return ds;
    }

    private static BufferedImage color(Attributes ds, ImageDescription d, byte[] frame, String photometric)
            throws IOException {
        int w = d.columns();
        int h = d.rows();
        int pixels = w * h;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        if (photometric.equals("PALETTE COLOR")) {
            palette(ds, d, frame, dst);
            return out;
        }
        if (d.samples() != 3) {
            throw new CannotRenderException(photometric + " with " + d.samples() + " samples per pixel");
        }
        int bytes = d.bitsAllocated() / 8;
        int shift = Math.max(0, Math.min(d.bitsStored(), d.bitsAllocated()) - 8);
        boolean planar = ds.getInt(Tag.PlanarConfiguration, 0) == 1;
        boolean ybr = photometric.equals("YBR_FULL");
        if (photometric.equals("YBR_FULL_422")) {
            // native YBR_FULL_422: two pixels in four samples, Y Y Cb Cr (PS3.3 C.7.6.3.1.2)
            if (bytes != 1 || w % 2 != 0) {
                throw new CannotRenderException("YBR_FULL_422 of 8 bits and an even width only");
            }
            for (int i = 0, p = 0; p < pixels; i += 4, p += 2) {
                int cb = frame[i + 2] & 0xFF;
                int cr = frame[i + 3] & 0xFF;
                dst[p] = ybrToRgb(frame[i] & 0xFF, cb, cr);
                dst[p + 1] = ybrToRgb(frame[i + 1] & 0xFF, cb, cr);
            }
            return out;
        }
        if (!ybr && !photometric.equals("RGB")) {
            throw new CannotRenderException("Photometric Interpretation " + photometric + " is not rendered");
        }
        for (int p = 0; p < pixels; p++) {
            int[] s = new int[3];
            for (int k = 0; k < 3; k++) {
                int index = (planar ? k * pixels + p : 3 * p + k) * bytes;
                int v = bytes == 1 ? frame[index] & 0xFF : (frame[index] & 0xFF | (frame[index + 1] & 0xFF) << 8);
                s[k] = Math.min(255, v >> shift);
            }
            dst[p] = ybr ? ybrToRgb(s[0], s[1], s[2]) : s[0] << 16 | s[1] << 8 | s[2];
        }
        return out;
    }

    /** PS3.3 C.7.6.3.1.2 YBR_FULL to RGB (the JPEG File Interchange Format's equations). */
    private static int ybrToRgb(int y, int cb, int cr) {
        int r = clamp(Math.round(y + 1.402f * (cr - 128)));
        int g = clamp(Math.round(y - 0.344136f * (cb - 128) - 0.714136f * (cr - 128)));
        int b = clamp(Math.round(y + 1.772f * (cb - 128)));
        return r << 16 | g << 8 | b;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }

    /** PALETTE COLOR (PS3.3 C.7.6.3.1.5): each stored value looked up in the three palette LUTs. */
    private static void palette(Attributes ds, ImageDescription d, byte[] frame, int[] dst) throws IOException {
        int[][] luts = new int[3][];
        int first = 0;
        int[] descriptorTags = {Tag.RedPaletteColorLookupTableDescriptor, Tag.GreenPaletteColorLookupTableDescriptor,
                Tag.BluePaletteColorLookupTableDescriptor};
        int[] dataTags = {Tag.RedPaletteColorLookupTableData, Tag.GreenPaletteColorLookupTableData,
                Tag.BluePaletteColorLookupTableData};
        for (int k = 0; k < 3; k++) {
            int[] descriptor = ds.getInts(descriptorTags[k]);
            Object data = ds.getValue(dataTags[k]);
            if (descriptor == null || descriptor.length < 3 || data == null) {
                throw new CannotRenderException("PALETTE COLOR without its lookup tables (segmented ones are not"
                        + " rendered)");
            }
            byte[] bytes = data instanceof BulkData b ? b.toBytes() : (byte[]) data;
            int entries = descriptor[0] == 0 ? 65536 : descriptor[0] & 0xFFFF;
            first = descriptor[1];
            int bits = descriptor[2];
            int[] lut = new int[entries];
            boolean wide = bytes.length >= 2 * entries;
            for (int i = 0; i < entries; i++) {
                int v = wide ? (bytes[2 * i] & 0xFF | (bytes[2 * i + 1] & 0xFF) << 8) : bytes[i] & 0xFF;
                lut[i] = bits > 8 ? v >> (bits - 8) & 0xFF : v & 0xFF;
            }
            luts[k] = lut;
        }
        if (d.samples() != 1 || d.bitsAllocated() != 8 && d.bitsAllocated() != 16) {
            throw new CannotRenderException("PALETTE COLOR takes 8 or 16 bits allocated, one sample");
        }
        int pixels = d.rows() * d.columns();
        for (int p = 0; p < pixels; p++) {
            int v = d.bitsAllocated() == 8 ? frame[p] & 0xFF : (frame[2 * p] & 0xFF) | (frame[2 * p + 1] & 0xFF) << 8;
            int i = Math.max(0, Math.min(luts[0].length - 1, v - first));
            dst[p] = luts[0][i] << 16 | luts[1][Math.min(i, luts[1].length - 1)] << 8
                    | luts[2][Math.min(i, luts[2].length - 1)];
        }
    }

    private static BufferedImage crop(BufferedImage image, Rendering.Region region) throws CannotRenderException {
        if (region == null) {
            return image;
        }
        if (region.x() + region.width() > image.getWidth() || region.y() + region.height() > image.getHeight()) {
            throw new CannotRenderException("the source region " + region.x() + "," + region.y() + ","
                    + region.width() + "," + region.height() + " lies outside the " + image.getWidth() + " × "
                    + image.getHeight() + " frame");
        }
        return image.getSubimage(region.x(), region.y(), region.width(), region.height());
    }

    /**
     * The image fitted into a viewport keeping its aspect ratio; a large reduction is made in halving steps,
     * each bilinear, so every source pixel counts (a one-step bilinear reduction skips most of them).
     */
    static BufferedImage fit(BufferedImage image, int vw, int vh) {
        if (vw == 0 && vh == 0) {
            return image;
        }
        double scale = Math.min(vw == 0 ? Double.MAX_VALUE : (double) vw / image.getWidth(),
                vh == 0 ? Double.MAX_VALUE : (double) vh / image.getHeight());
        int tw = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int th = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage current = image;
        while (current.getWidth() / 2 >= tw && current.getHeight() / 2 >= th) {
            current = scaled(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current.getWidth() == tw && current.getHeight() == th ? current : scaled(current, tw, th);
    }

    private static BufferedImage scaled(BufferedImage image, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, image.getType());
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
