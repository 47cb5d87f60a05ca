package org.beaconpacs.archive.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.image.Decompression;
import org.beaconpacs.dicom.image.RleDecoder;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.association.FileDataSet;

/**
 * The compressed transfer syntaxes the archive can decode for a peer that accepts only uncompressed ones:
 * RLE Lossless (our own decoder, PS3.5 Annex G), JPEG baseline, extended (8-bit) and lossless
 * (TwelveMonkeys), JPEG 2000 (jai-imageio). Others (JPEG-LS, HTJ2K, JPEG XL, video, 12-bit JPEG) go only to
 * peers that accept them as stored.
 */
public final class Decompressors implements FileDataSet.Decompressor {

    public static final Decompressors INSTANCE = new Decompressors();

    /** Values above this stay in the file while the data set is read; the frames are read one by one. */
    private static final long BULK_THRESHOLD = 64 * 1024;

    private static final Map<String, Decompression.FrameDecoder> DECODERS = Map.of(
            "1.2.840.10008.1.2.5", RleDecoder.FRAMES,
            "1.2.840.10008.1.2.4.50", JpegFrames.INSTANCE,
            "1.2.840.10008.1.2.4.51", JpegFrames.INSTANCE,
            "1.2.840.10008.1.2.4.57", JpegFrames.INSTANCE,
            "1.2.840.10008.1.2.4.70", JpegFrames.INSTANCE,
            "1.2.840.10008.1.2.4.90", Jpeg2000Frames.INSTANCE,
            "1.2.840.10008.1.2.4.91", Jpeg2000Frames.INSTANCE);

    private Decompressors() {
    }

    /** The transfer syntaxes decoded. */
    public static java.util.Set<String> decodable() {
        return DECODERS.keySet();
    }

    /** The decoder of {@code transferSyntax}'s frames, or null. */
    public static Decompression.FrameDecoder decoder(String transferSyntax) {
        return DECODERS.get(transferSyntax);
    }

    @Override
    public boolean decodes(String transferSyntax) {
        return DECODERS.containsKey(transferSyntax);
    }

    @Override
    public void write(Path file, OutputStream out, String targetTs) throws IOException {
        Attributes dataset;
        String ts;
        try (DicomReader reader = DicomReader.open(file).setBulkDataThreshold(BULK_THRESHOLD)) {
            var f = reader.readFile();
            dataset = f.dataset();
            ts = f.transferSyntax().uid();
        }
        Decompression.FrameDecoder decoder = DECODERS.get(ts);
        if (decoder == null) {
            throw new IOException("no decoder for " + ts);
        }
        Decompression.write(dataset, decoder, out, TransferSyntax.of(targetTs));
    }
}
