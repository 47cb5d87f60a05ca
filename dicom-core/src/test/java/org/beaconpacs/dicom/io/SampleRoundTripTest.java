package org.beaconpacs.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.testing.SampleFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every real sample file read and written back in its own transfer syntax gives identical data-set bytes. */
class SampleRoundTripTest {

    static final Map<String, String> BROKEN = SampleFiles.BROKEN;
    static final Map<String, Integer> ODD_LENGTHS = SampleFiles.ODD_LENGTHS;

    @TestFactory
    Stream<DynamicTest> everySampleRoundTripsByteExact() throws IOException {
        return SampleFiles.all().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(),
                () -> {
                    String name = path.getFileName().toString();
                    if (BROKEN.containsKey(name)) {
                        assertThrows(DicomParseException.class, () -> DicomFile.read(path));
                    } else if (ODD_LENGTHS.containsKey(name)) {
                        assertPaddedRoundTrip(path, ODD_LENGTHS.get(name));
                    } else {
                        assertRoundTrip(path);
                    }
                }));
    }

    static void assertPaddedRoundTrip(Path path, int paddedValues) throws IOException {
        DicomFile read = DicomFile.read(path);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter writer = new DicomWriter(out)) {
            writer.writeDataset(read.dataset(), read.transferSyntax());
        }
        Attributes again = new DicomReader(new ByteArrayInputStream(out.toByteArray()))
                .readDataset(read.transferSyntax());
        ByteArrayOutputStream out2 = new ByteArrayOutputStream();
        try (DicomWriter writer = new DicomWriter(out2)) {
            writer.writeDataset(again, read.transferSyntax());
        }
        assertArrayEquals(out.toByteArray(), out2.toByteArray(), "padded output must itself round-trip");
        long originalDatasetLength = Files.size(path) - datasetStart(path);
        org.junit.jupiter.api.Assertions.assertEquals(originalDatasetLength + paddedValues, out.size());
    }

    private static long datasetStart(Path path) throws IOException {
        try (DicomReader reader = DicomReader.open(path)) {
            reader.readFileMetaInformation();
            return reader.position();
        }
    }

    static void assertRoundTrip(Path path) throws IOException {
        byte[] original = Files.readAllBytes(path);
        long datasetStart;
        DicomFile dicomFile;
        try (DicomReader reader = new DicomReader(new ByteArrayInputStream(original))) {
            Attributes fmi = reader.readFileMetaInformation();
            datasetStart = reader.position();
            String tsuid = fmi == null ? null : fmi.getString(org.beaconpacs.dicom.dict.Tag.TransferSyntaxUID);
            TransferSyntax ts = tsuid != null ? TransferSyntax.of(tsuid) : reader.guessTransferSyntax();
            dicomFile = new DicomFile(fmi, reader.readDataset(ts), ts);
        }
        byte[] expected = Arrays.copyOfRange(original, (int) datasetStart, original.length);
        TransferSyntax ts = dicomFile.transferSyntax();
        if (ts.deflated()) {
            expected = new InflaterInputStream(new ByteArrayInputStream(expected), new Inflater(true)).readAllBytes();
            ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter writer = new DicomWriter(out)) {
            writer.writeDataset(dicomFile.dataset(), ts);
        }
        assertArrayEquals(expected, out.toByteArray(), path + " in " + ts);
    }
}
