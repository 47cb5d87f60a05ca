package org.beaconpacs.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.testing.SampleFiles;
import static org.beaconpacs.dicom.testing.Datasets.withoutGroupLengths;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conversion among the uncompressed transfer syntaxes keeps the data set's content: every native
 * sample is written in each native syntax (byte swapping where needed), read back and compared.
 */
class TranscodingTest {

    static final List<TransferSyntax> NATIVE = List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
            TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);

    @TestFactory
    Stream<DynamicTest> nativeSamplesSurviveEveryNativeSyntax() throws IOException {
        return SampleFiles.all().stream()
                .filter(p -> !SampleFiles.BROKEN.containsKey(p.getFileName().toString()))
                // odd-length values gain a padding byte, which changes the bytes compared here
                .filter(p -> !SampleFiles.ODD_LENGTHS.containsKey(p.getFileName().toString()))
                .flatMap(p -> NATIVE.stream().map(ts -> DynamicTest.dynamicTest(
                        p.getFileName() + " -> " + ts.name(), () -> assertSurvives(p, ts))));
    }

    private static void assertSurvives(Path path, TransferSyntax target) throws IOException {
        DicomFile file = DicomFile.read(path);
        if (!file.transferSyntax().isNative()) {
            return; // encapsulated pixel data stays in its own syntax: no transcoding of compressed data
        }
        Attributes original = file.dataset();
        byte[] encoded = write(original, target);
        Attributes back = new DicomReader(new ByteArrayInputStream(encoded)).readDataset(target);
        // and back to the original syntax, as a retrieve to a picky destination and a re-import would do
        Attributes again = new DicomReader(new ByteArrayInputStream(write(back, file.transferSyntax())))
                .readDataset(file.transferSyntax());
        // group lengths are recalculated for the new encoding, so they are left out of the comparison
        // 8-bit Pixel Data is OW in Implicit VR Little Endian (PS3.5 A.1) and OB in Explicit VR Big Endian
        // (A.3): its samples are compared as the bytes they are, whatever the VR's name
        assertEquals(byteSamples(withoutGroupLengths(original)), byteSamples(withoutGroupLengths(back)),
                path + " in " + target);
        assertEquals(byteSamples(withoutGroupLengths(original)), byteSamples(withoutGroupLengths(again)));
    }

    /**
     * {@code ds} with Pixel Data of up to 8 bits allocated as OB holding its samples in order: a big-endian
     * OW value's words are swapped back first (DCMTK keeps OW in Explicit VR Big Endian, where we write OB).
     */
    static Attributes byteSamples(Attributes ds) {
        int pixelData = org.beaconpacs.dicom.dict.Tag.PixelData;
        if (ds.getValue(pixelData) instanceof byte[] b && ds.getInt(org.beaconpacs.dicom.dict.Tag.BitsAllocated, 16) <= 8) {
            byte[] samples = ds.getVR(pixelData) == VR.OW && ds.isBigEndian()
                    ? org.beaconpacs.dicom.data.Values.swap(b.clone(), 0, b.length, 2) : b;
            ds.setValue(pixelData, VR.OB, samples);
        }
        return ds;
    }

    private static byte[] write(Attributes ds, TransferSyntax ts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(out).setGroupLengths(DicomWriter.GroupLengths.RECALCULATE)) {
            w.writeDataset(ds, ts);
        }
        return out.toByteArray();
    }
}
