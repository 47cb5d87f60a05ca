package org.beaconpacs.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading is bounded: lies about lengths, deep nesting and truncation end in a DicomParseException. */
class BoundedReadingTest {

    private static byte[] explicitLE(Attributes ds) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(out)) {
            w.writeDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        return out.toByteArray();
    }

    @Test
    void absurdLengthInAShortStreamFailsWithoutAllocatingIt() {
        // (0009,1010) OB with length 0xFFFFFFF0 followed by 4 bytes
        byte[] b = {0x09, 0x00, 0x10, 0x10, 'O', 'B', 0, 0, (byte) 0xF0, (byte) 0xFF, (byte) 0xFF, 0x7F, 1, 2, 3, 4};
        DicomReader reader = new DicomReader(new ByteArrayInputStream(b)).setMaxValueLength(Long.MAX_VALUE);
        DicomParseException e = assertThrows(DicomParseException.class,
                () -> reader.readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertTrue(e.getMessage().contains("(0009,1010)"), e.getMessage());
    }

    @Test
    void lengthBeyondTheEndOfAFileIsNamedWithItsOffset(@TempDir Path dir) throws IOException {
        byte[] b = {0x10, 0x00, 0x10, 0x00, 'P', 'N', 0x40, 0x00, 'A', 'B'};
        Path f = Files.write(dir.resolve("short.dcm"), b);
        try (DicomReader reader = DicomReader.open(f)) {
            DicomParseException e = assertThrows(DicomParseException.class,
                    () -> reader.readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
            assertEquals(0, e.offset());
            assertEquals(Tag.PatientName, e.tag());
            assertTrue(e.getMessage().contains("exceeds the 2 bytes remaining"), e.getMessage());
        }
    }

    @Test
    void valueAboveTheInMemoryLimitIsRefused() throws IOException {
        Attributes ds = new Attributes();
        ds.setBytes(Tag.EncapsulatedDocument, VR.OB, new byte[4096]);
        DicomReader reader = new DicomReader(new ByteArrayInputStream(explicitLE(ds))).setMaxValueLength(1024);
        assertThrows(DicomParseException.class, () -> reader.readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() throws IOException {
        Attributes ds = new Attributes();
        Attributes item = ds;
        for (int i = 0; i < 100; i++) {
            item = item.newSequence(Tag.ContentSequence).addItem();
        }
        item.setString(Tag.TextValue, VR.UT, "deep");
        byte[] b = explicitLE(ds);
        assertThrows(DicomParseException.class, () -> new DicomReader(new ByteArrayInputStream(b))
                .setMaxNesting(64).readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        Attributes read = new DicomReader(new ByteArrayInputStream(b)).setMaxNesting(128)
                .readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertEquals(ds, read);
    }

    @Test
    void everyTruncationOfAValidDataSetIsAParseExceptionOrAShorterDataSet() throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientName, VR.PN, "Doe^John");
        Sequence seq = ds.newSequence(Tag.ReferencedImageSequence);
        seq.addItem().setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3.4");
        ds.setBytes(Tag.PixelData, VR.OW, new byte[64]);
        byte[] b = explicitLE(ds);
        for (int cut = 1; cut < b.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(b, cut);
            try {
                Attributes read = new DicomReader(new ByteArrayInputStream(part))
                        .readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
                assertTrue(read.size() < ds.size(), "cut at " + cut + " must not look complete");
            } catch (DicomParseException expected) {
                assertTrue(expected.offset() <= cut);
            }
        }
    }

    @Test
    void stopsBeforePixelDataAndStreamsItWithoutLoadingIt() throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        byte[] pixels = new byte[3 * 65536 + 10];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        ds.setBytes(Tag.DataSetTrailingPadding, VR.OB, new byte[2]);
        DicomReader reader = new DicomReader(new ByteArrayInputStream(explicitLE(ds))).setMaxValueLength(1024);
        Attributes header = reader.readDatasetUntil(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, Tag.PixelData);
        assertEquals("1.2.3", header.getString(Tag.SOPInstanceUID));
        assertFalse(header.contains(Tag.PixelData));
        assertEquals(Tag.PixelData, reader.tag());
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertEquals(pixels.length, reader.copyValue(sink));
        assertEquals(java.util.Arrays.hashCode(pixels), java.util.Arrays.hashCode(sink.toByteArray()));
    }

    @Test
    void largeValuesOfAFileBecomeBulkDataReferences(@TempDir Path dir) throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        byte[] pixels = new byte[100_000];
        pixels[99_999] = 42;
        ds.setBytes(Tag.PixelData, VR.OB, pixels);
        Path f = dir.resolve("x.dcm");
        try (DicomWriter w = new DicomWriter(Files.newOutputStream(f))) {
            w.writeFile(FileMetaInformation.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), "TEST"), ds);
        }
        DicomFile read;
        try (DicomReader reader = DicomReader.open(f).setBulkDataThreshold(1000)) {
            read = reader.readFile();
        }
        BulkData bulk = (BulkData) read.dataset().getValue(Tag.PixelData);
        assertEquals(100_000, bulk.length());
        try (InputStream in = bulk.openStream()) {
            byte[] back = in.readAllBytes();
            assertEquals(42, back[99_999]);
        }
        // writing a data set with bulk data streams the value from the file
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(out)) {
            w.writeDataset(read.dataset(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        Attributes again = new DicomReader(new ByteArrayInputStream(out.toByteArray()))
                .readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertEquals(ds, again);
        // file to file the kernel copies the bulk data: the result must be the same file
        Path copy = dir.resolve("copy.dcm");
        try (DicomWriter w = new DicomWriter(new java.io.FileOutputStream(copy.toFile()))) {
            w.writeFile(read.fileMetaInformation(), read.dataset());
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(copy));
    }

    /** A 2.4 GB Pixel Data element streams through copyValue with a 256 MiB heap: nothing holds it whole. */
    @Test
    void streamsAPixelDataElementLargerThan2GB() throws IOException {
        long length = 0x9000_0000L;
        byte[] header = {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0, 0, 0, 0, (byte) 0x90};
        InputStream in = new java.io.SequenceInputStream(new ByteArrayInputStream(header), new InputStream() {
            private long left = length;

            @Override
            public int read() {
                return left-- > 0 ? 7 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 7);
                left -= n;
                return n;
            }
        });
        DicomReader reader = new DicomReader(in);
        Attributes header0 = reader.readDatasetUntil(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, Tag.PixelData);
        assertTrue(header0.isEmpty());
        assertEquals(length, reader.length());
        long[] counted = {0};
        java.io.OutputStream sink = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                counted[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                counted[0] += len;
            }
        };
        assertEquals(length, reader.copyValue(sink));
        assertEquals(length, counted[0]);
        assertEquals(length + header.length, reader.position());
    }
}
