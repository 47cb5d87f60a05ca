package org.beaconpacs.archive.print;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.TransferSyntax;

/**
 * Reads an Image Box N-SET's data set with the image's Pixel Data streamed to a spool file (a 14 × 17 in
 * film of 12-bit images holds tens of megabytes: never the heap), left in the attributes as bulk data.
 */
final class ImageBoxReader {

    private ImageBoxReader() {
    }

    /** The data set; Pixel Data inside its image sequence goes to {@code spool}, or is skipped if null. */
    static Attributes read(InputStream data, String transferSyntax, Path spool) throws IOException {
        TransferSyntax ts = TransferSyntax.of(transferSyntax);
        try (DicomReader reader = new DicomReader(data)) {
            return reader.readDataset(ts, (r, attrs) -> {
                if (r.tag() == Tag.PixelData && r.level() == 1 && r.length() >= 0) {
                    if (spool == null) {
                        r.skipValue();
                        attrs.setNull(Tag.PixelData, r.vr());
                        return true;
                    }
                    long length;
                    try (OutputStream out = Files.newOutputStream(spool)) {
                        length = r.copyValue(out);
                    }
                    attrs.setBulkData(Tag.PixelData, r.vr(), new BulkData(spool, 0, length, r.transferSyntax()
                            .bigEndian()));
                    return true;
                }
                r.readValue(attrs);
                return true;
            });
        }
    }
}
