package org.beaconpacs.archive.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.FileMetaInformation;
import org.beaconpacs.dicom.uid.UIDs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameRendererTest {

    @TempDir
    Path dir;

    @Test
    void linearWindowFollowsPs33Equations() {
        Window w = new Window(40, 400, Window.Function.LINEAR);
        // C.11.2.1.2.1: x <= c - 0.5 - (w-1)/2 is the minimum, x > c - 0.5 + (w-1)/2 the maximum
        assertEquals(0, w.apply(40 - 0.5 - 199.5));
        assertEquals(255, w.apply(40 - 0.5 + 199.5 + 0.01));
        assertEquals(128, w.apply(40), "the center is mid-gray");
        Window exact = new Window(100, 10, Window.Function.LINEAR_EXACT);
        assertEquals(0, exact.apply(95));
        assertEquals(255, exact.apply(105.5));
        assertEquals(128, exact.apply(100));
        Window sigmoid = new Window(0, 100, Window.Function.SIGMOID);
        assertEquals(128, sigmoid.apply(0));
        assertTrue(sigmoid.apply(-100) < 10 && sigmoid.apply(100) > 245);
        assertThrows(IllegalArgumentException.class, () -> new Window(0, 0.5, Window.Function.LINEAR));
    }

    @Test
    void signedCtGoesThroughRescaleAndTheDataSetsWindow() throws IOException {
        // Hounsfield = stored + intercept; window 0/100 puts stored 1024 (HU 0) at (0.5/99 + 0.5) × 255
        Attributes ds = image(4, 1, 16, 16, 1, "MONOCHROME2");
        ds.setString(Tag.RescaleIntercept, VR.DS, "-1024");
        ds.setString(Tag.RescaleSlope, VR.DS, "1");
        ds.setString(Tag.WindowCenter, VR.DS, "0", "500");
        ds.setString(Tag.WindowWidth, VR.DS, "100", "2000");
        ds.setBytes(Tag.PixelData, VR.OW, shorts(0, 1024, 2048, -5 & 0xFFFF));
        BufferedImage out = render(ds, Rendering.defaults());
        assertArrayEquals(new int[]{0, 129, 255, 0}, gray(out), "the first window of the data set");
        BufferedImage asked = render(ds, new Rendering(new Window(512, 2048, Window.Function.LINEAR), 0, 0,
                null, 90));
        assertEquals(64, gray(asked)[1], "the window asked for, not the data set's");
    }

    @Test
    void withoutAWindowTheValueRangeIsShownAndMonochrome1IsInverted() throws IOException {
        Attributes ds = image(3, 1, 8, 8, 0, "MONOCHROME1");
        ds.setBytes(Tag.PixelData, VR.OB, new byte[]{10, 20, 30, 0});
        assertArrayEquals(new int[]{255, 127, 0}, gray(render(ds, Rendering.defaults())));
    }

    @Test
    void ybrFullAndPaletteColorBecomeRgb() throws IOException {
        Attributes ybr = image(1, 1, 8, 8, 0, "YBR_FULL");
        ybr.setInt(Tag.SamplesPerPixel, VR.US, 3);
        ybr.setInt(Tag.PlanarConfiguration, VR.US, 0);
        ybr.setBytes(Tag.PixelData, VR.OB, new byte[]{76, 85, (byte) 255, 0}); // pure red in JFIF YCbCr
        int rgb = render(ybr, Rendering.defaults()).getRGB(0, 0) & 0xFFFFFF;
        assertTrue((rgb >> 16) > 250 && (rgb >> 8 & 0xFF) < 5 && (rgb & 0xFF) < 5, Integer.toHexString(rgb));

        Attributes palette = image(2, 1, 8, 8, 0, "PALETTE COLOR");
        for (int[] t : new int[][]{{Tag.RedPaletteColorLookupTableDescriptor, Tag.RedPaletteColorLookupTableData, 0},
                {Tag.GreenPaletteColorLookupTableDescriptor, Tag.GreenPaletteColorLookupTableData, 1},
                {Tag.BluePaletteColorLookupTableDescriptor, Tag.BluePaletteColorLookupTableData, 2}}) {
            palette.setInt(t[0], VR.US, 2, 0, 16);
            // entry 0 black; entry 1 red, green or blue by channel: 0xFF00 in 16 bits
            palette.setBytes(t[1], VR.OW, new byte[]{0, 0, 0, (byte) (t[2] == 0 ? 0xFF : 0)});
        }
        palette.setBytes(Tag.PixelData, VR.OB, new byte[]{0, 1});
        BufferedImage out = render(palette, Rendering.defaults());
        assertEquals(0x000000, out.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0xFF0000, out.getRGB(1, 0) & 0xFFFFFF);
    }

    @Test
    void viewportFitsKeepingTheAspectAndRegionCuts() throws IOException {
        Attributes ds = image(200, 100, 8, 8, 0, "MONOCHROME2");
        ds.setBytes(Tag.PixelData, VR.OB, new byte[200 * 100]);
        BufferedImage fitted = render(ds, new Rendering(null, 64, 64, null, 90));
        assertEquals(64, fitted.getWidth());
        assertEquals(32, fitted.getHeight());
        BufferedImage cut = render(ds, new Rendering(null, 0, 0, new Rendering.Region(10, 10, 50, 20), 90));
        assertEquals(50, cut.getWidth());
        assertEquals(20, cut.getHeight());
        assertThrows(CannotRenderException.class, () -> render(ds, new Rendering(null, 0, 0,
                new Rendering.Region(190, 0, 50, 20), 90)));
    }

    @Test
    void framesOfAMultiFrameImageAreAddressedOneByOne() throws IOException {
        Attributes ds = image(2, 1, 8, 8, 0, "MONOCHROME2");
        ds.setString(Tag.NumberOfFrames, VR.IS, "3");
        ds.setString(Tag.WindowCenter, VR.DS, "128");
        ds.setString(Tag.WindowWidth, VR.DS, "256");
        ds.setBytes(Tag.PixelData, VR.OB, new byte[]{1, 2, 3, 4, 5, 6});
        StoredImage image = StoredImage.read(write(ds));
        assertArrayEquals(new byte[]{5, 6}, image.nativeFrame(3));
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        image.writeNativeFrame(2, streamed);
        assertArrayEquals(new byte[]{3, 4}, streamed.toByteArray());
        assertThrows(FrameNotFoundException.class, () -> image.nativeFrame(4));
    }

    @Test
    void jpegAndPngAreWrittenByTheJdksWriters() throws IOException {
        Attributes ds = image(16, 16, 8, 8, 0, "MONOCHROME2");
        ds.setBytes(Tag.PixelData, VR.OB, new byte[256]);
        BufferedImage out = render(ds, Rendering.defaults());
        for (RenderedMediaType type : RenderedMediaType.values()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            type.write(out, 90, bytes);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            assertEquals(16, back.getWidth(), type.type());
        }
        assertEquals(RenderedMediaType.PNG, RenderedMediaType.of("image/png; q=0.5"));
    }

    private BufferedImage render(Attributes ds, Rendering rendering) throws IOException {
        return FrameRenderer.render(StoredImage.read(write(ds)), 1, rendering);
    }

    private Path write(Attributes ds) throws IOException {
        Path file = Files.createTempFile(dir, "img", ".dcm");
        try (OutputStream out = Files.newOutputStream(file); DicomWriter w = new DicomWriter(out)) {
            w.writeFile(FileMetaInformation.of(ds, UID.ExplicitVRLittleEndian, "TEST"), ds);
        }
        return file;
    }

    private static Attributes image(int columns, int rows, int allocated, int stored, int signed, String photometric) {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, UIDs.createUID());
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, photometric);
        ds.setInt(Tag.Rows, VR.US, rows);
        ds.setInt(Tag.Columns, VR.US, columns);
        ds.setInt(Tag.BitsAllocated, VR.US, allocated);
        ds.setInt(Tag.BitsStored, VR.US, stored);
        ds.setInt(Tag.HighBit, VR.US, stored - 1);
        ds.setInt(Tag.PixelRepresentation, VR.US, signed);
        return ds;
    }

    private static byte[] shorts(int... values) {
        byte[] b = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            b[2 * i] = (byte) values[i];
            b[2 * i + 1] = (byte) (values[i] >> 8);
        }
        return b;
    }

    private static int[] gray(BufferedImage image) {
        int[] v = new int[image.getWidth() * image.getHeight()];
        image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), v);
        return v;
    }
}
