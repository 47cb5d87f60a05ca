package org.beaconpacs.archive.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.beaconpacs.archive.image.Decompressors;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.data.Fragments;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.image.Decompression;
import org.beaconpacs.dicom.image.Decompression.ImageDescription;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.TransferSyntax;

/**
 * A stored instance's image: its attributes with the Pixel Data left in the file (a reference per value or
 * fragment), and its frames one at a time, as stored or as native little-endian samples.
 */
public final class StoredImage {

    /** Values above this stay in the file while the data set is read. */
    private static final long BULK_THRESHOLD = 64 * 1024;

    private final Attributes attributes;
    private final String transferSyntax;
    private final ImageDescription image;

    private StoredImage(Attributes attributes, String transferSyntax) {
        this.attributes = attributes;
        this.transferSyntax = transferSyntax;
        this.image = ImageDescription.of(attributes);
    }

    public static StoredImage read(Path file) throws IOException {
        try (DicomReader reader = DicomReader.open(file).setBulkDataThreshold(BULK_THRESHOLD)) {
            var f = reader.readFile();
            return new StoredImage(f.dataset(), f.transferSyntax().uid());
        }
    }

    public Attributes attributes() {
        return attributes;
    }

    public String transferSyntax() {
        return transferSyntax;
    }

    public ImageDescription description() {
        return image;
    }

    public boolean hasPixels() {
        return attributes.contains(Tag.PixelData);
    }

    public int frames() {
        return image.frames();
    }

    /** Whether the Pixel Data is encapsulated (compressed as stored). */
    public boolean encapsulated() {
        return attributes.getValue(Tag.PixelData) instanceof Fragments;
    }

    /** Whether {@link #nativeFrame} can give this image's frames. */
    public boolean decodable() {
        if (!hasPixels() || image.bitsAllocated() % 8 != 0 || image.frameLength() == 0) {
            return false;
        }
        return !encapsulated() || Decompressors.decoder(transferSyntax) != null;
    }

    /** The Photometric Interpretation of {@link #nativeFrame}'s samples. */
    public String nativePhotometric() {
        if (!encapsulated()) {
            return image.photometric();
        }
        return Decompressors.decoder(transferSyntax).decodedPhotometric(image);
    }

    /** Frame {@code n} (from 1) as stored in an encapsulated Pixel Data: the compressed bitstream. */
    public byte[] storedFrame(int n) throws IOException {
        check(n);
        Fragments fragments = (Fragments) attributes.getValue(Tag.PixelData);
        return new Decompression.FrameSplitter(fragments, image.frames()).frame(n - 1);
    }

    /**
     * Frame {@code n} (from 1) as native samples: rows × columns × samples × bytes, a pixel's samples
     * together unless Planar Configuration says otherwise, little endian; decoded where stored compressed.
     */
    public byte[] nativeFrame(int n) throws IOException {
        check(n);
        if (encapsulated()) {
            Decompression.FrameDecoder decoder = Decompressors.decoder(transferSyntax);
            if (decoder == null) {
                throw new IOException("no decoder for " + transferSyntax);
            }
            byte[] frame = decoder.decode(storedFrame(n), image);
            if (frame.length != image.frameLength()) {
                throw new IOException("frame " + n + " decoded to " + frame.length + " bytes, "
                        + image.frameLength() + " expected");
            }
            return frame;
        }
        byte[] frame = new byte[image.frameLength()];
        try (InputStream in = openNative(n)) {
            if (in.readNBytes(frame, 0, frame.length) < frame.length) {
                throw new IOException("Pixel Data ends before frame " + n);
            }
        }
        if (bigEndian() && image.bitsAllocated() == 16) {
            for (int i = 0; i + 1 < frame.length; i += 2) {
                byte b = frame[i];
                frame[i] = frame[i + 1];
                frame[i + 1] = b;
            }
        }
        return frame;
    }

    /** Writes frame {@code n} (from 1) as native little-endian samples, streamed where it can be. */
    public void writeNativeFrame(int n, OutputStream out) throws IOException {
        if (encapsulated() || bigEndian() && image.bitsAllocated() == 16) {
            out.write(nativeFrame(n));
            return;
        }
        check(n);
        try (InputStream in = openNative(n)) {
            long copied = in.transferTo(out);
            if (copied < image.frameLength()) {
                throw new IOException("Pixel Data ends before frame " + n);
            }
        }
    }

    private InputStream openNative(int n) throws IOException {
        long length = image.frameLength();
        long offset = (n - 1) * length;
        Object value = attributes.getValue(Tag.PixelData);
        if (value instanceof BulkData bulk) {
            if (offset + length > bulk.length()) {
                throw new IOException("Pixel Data ends before frame " + n);
            }
            return new BulkData(bulk.file(), bulk.offset() + offset, length, bulk.bigEndian()).openStream();
        }
        if (value instanceof byte[] bytes) {
            if (offset + length > bytes.length) {
                throw new IOException("Pixel Data ends before frame " + n);
            }
            return new java.io.ByteArrayInputStream(bytes, (int) offset, (int) length);
        }
        throw new IOException("the instance has no Pixel Data");
    }

    private boolean bigEndian() {
        Object value = attributes.getValue(Tag.PixelData);
        return value instanceof BulkData b ? b.bigEndian() : TransferSyntax.of(transferSyntax).bigEndian();
    }

    private void check(int n) throws IOException {
        if (!hasPixels()) {
            throw new IOException("the instance has no Pixel Data");
        }
        if (n < 1 || n > image.frames()) {
            throw new FrameNotFoundException(n, image.frames());
        }
    }
}
