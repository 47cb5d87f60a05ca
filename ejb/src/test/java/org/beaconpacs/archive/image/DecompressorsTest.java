package org.beaconpacs.archive.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.image.Decompression;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compressed objects decoded for a peer that takes only uncompressed syntaxes: the decoded pixels are the
 * original's, bit for bit, for the lossless ones (pydicom's RLE sample against its uncompressed twin;
 * DCMTK's JPEG lossless encodings of it); close to DCMTK's own decoding for lossy JPEG.
 */
class DecompressorsTest {

    private static final Path SAMPLES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private static void require(boolean present, String what) {
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(what + " is missing under CI");
        }
        assumeTrue(present, what + " missing; skipping");
    }

    private static Attributes decoded(Path file, String ts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Decompressors.INSTANCE.write(file, out, ts);
        try (DicomReader r = new DicomReader(new ByteArrayInputStream(out.toByteArray()))) {
            return r.readDataset(TransferSyntax.of(ts));
        }
    }

    private static Attributes read(Path file) throws IOException {
        try (DicomReader r = DicomReader.open(file)) {
            return r.readFile().dataset();
        }
    }

    private static void dcmtk(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
    }

    @Test
    void rleDecodesToTheOriginalsPixels() throws IOException {
        require(Files.isRegularFile(SAMPLES.resolve("MR_small_RLE.dcm")), "pydicom's samples (python3-pydicom)");
        assertTrue(Decompressors.INSTANCE.decodes("1.2.840.10008.1.2.5"));
        for (String ts : new String[] {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1"}) {
            Attributes decoded = decoded(SAMPLES.resolve("MR_small_RLE.dcm"), ts);
            Attributes original = read(SAMPLES.resolve("MR_small.dcm"));
            assertArrayEquals(original.getBytes(Tag.PixelData), decoded.getBytes(Tag.PixelData), ts);
            assertEquals(original.getString(Tag.SOPInstanceUID), decoded.getString(Tag.SOPInstanceUID));
            assertEquals("MONOCHROME2", decoded.getString(Tag.PhotometricInterpretation));
        }
    }

    @Test
    void rgbRleFramesComeOutInterleaved(@TempDir Path dir) throws Exception {
        require(Files.isRegularFile(SAMPLES.resolve("SC_rgb_rle_2frame.dcm")), "pydicom's samples (python3-pydicom)");
        require(Files.isExecutable(Path.of("/usr/bin/dcmdrle")), "DCMTK (dcmtk)");
        Path reference = dir.resolve("rgb.dcm");
        dcmtk("dcmdrle", "+te", SAMPLES.resolve("SC_rgb_rle_2frame.dcm").toString(), reference.toString());
        Attributes expected = read(reference);
        Attributes decoded = decoded(SAMPLES.resolve("SC_rgb_rle_2frame.dcm"), "1.2.840.10008.1.2.1");
        assertEquals(0, expected.getInt(Tag.PlanarConfiguration, 0), "DCMTK interleaves too");
        assertArrayEquals(expected.getBytes(Tag.PixelData), decoded.getBytes(Tag.PixelData));
        assertEquals(0, decoded.getInt(Tag.PlanarConfiguration, -1));
    }

    @Test
    void jpegLosslessDecodesToTheOriginalsPixels(@TempDir Path dir) throws Exception {
        require(Files.isRegularFile(SAMPLES.resolve("MR_small.dcm")), "pydicom's samples (python3-pydicom)");
        require(Files.isExecutable(Path.of("/usr/bin/dcmcjpeg")), "DCMTK (dcmtk)");
        Attributes original = read(SAMPLES.resolve("MR_small.dcm"));
        for (String option : new String[] {"+e1", "+el"}) {
            Path jpeg = dir.resolve(option + ".dcm");
            dcmtk("dcmcjpeg", option, SAMPLES.resolve("MR_small.dcm").toString(), jpeg.toString());
            Attributes decoded = decoded(jpeg, "1.2.840.10008.1.2");
            assertArrayEquals(original.getBytes(Tag.PixelData), decoded.getBytes(Tag.PixelData), option);
        }
    }

    @Test
    void baselineJpegDecodesCloseToDcmtksDecoding(@TempDir Path dir) throws Exception {
        require(Files.isRegularFile(SAMPLES.resolve("SC_rgb_jpeg_dcmtk.dcm")), "pydicom's samples (python3-pydicom)");
        require(Files.isExecutable(Path.of("/usr/bin/dcmdjpeg")), "DCMTK (dcmtk)");
        Path reference = dir.resolve("ref.dcm");
        dcmtk("dcmdjpeg", "+cn", "+te", SAMPLES.resolve("SC_rgb_jpeg_dcmtk.dcm").toString(), reference.toString());
        Attributes expected = read(reference);
        Attributes decoded = decoded(SAMPLES.resolve("SC_rgb_jpeg_dcmtk.dcm"), "1.2.840.10008.1.2.1");
        byte[] a = expected.getBytes(Tag.PixelData);
        byte[] b = decoded.getBytes(Tag.PixelData);
        assertEquals(a.length, b.length);
        long diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        assertTrue((double) diff / a.length < 2.0, "mean difference " + (double) diff / a.length);
        assertEquals("YBR_FULL", decoded.getString(Tag.PhotometricInterpretation));
    }

    @Test
    void jpeg2000LosslessDecodesToTheOriginalsPixels() throws IOException {
        require(Files.isRegularFile(SAMPLES.resolve("MR_small_jp2klossless.dcm")), "pydicom's samples (python3-pydicom)");
        Attributes decoded = decoded(SAMPLES.resolve("MR_small_jp2klossless.dcm"), "1.2.840.10008.1.2.1");
        assertArrayEquals(read(SAMPLES.resolve("MR_small.dcm")).getBytes(Tag.PixelData), decoded.getBytes(Tag.PixelData));
        Attributes lossy = decoded(SAMPLES.resolve("JPEG2000.dcm"), "1.2.840.10008.1.2.1");
        assertEquals(Decompression.ImageDescription.of(lossy).frameLength(), lossy.getBytes(Tag.PixelData).length);
    }

    @Test
    void twelveBitExtendedJpegIsRefusedWithItsReason() {
        require(Files.isRegularFile(SAMPLES.resolve("JPGExtended.dcm")), "pydicom's samples (python3-pydicom)");
        // the JDK's JPEG decoder, which TwelveMonkeys wraps for the DCT processes, stops at 8 bits of precision
        IOException e = assertThrows(IOException.class, () -> decoded(SAMPLES.resolve("JPGExtended.dcm"),
                "1.2.840.10008.1.2.1"));
        assertTrue(e.getMessage().contains("precision 12"), e.getMessage());
    }

    @Test
    void otherCompressedSyntaxesAreNotClaimed() {
        assertFalse(Decompressors.INSTANCE.decodes("1.2.840.10008.1.2.4.80"), "JPEG-LS");
        assertFalse(Decompressors.INSTANCE.decodes("1.2.840.10008.1.2.4.201"), "HTJ2K");
        assertFalse(Decompressors.INSTANCE.decodes("1.2.840.10008.1.2.1"), "not compressed at all");
    }
}
