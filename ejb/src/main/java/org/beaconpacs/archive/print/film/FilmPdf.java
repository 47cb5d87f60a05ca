package org.beaconpacs.archive.print.film;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A print job's films as one PDF: a page per film, of the film's size, the film's PNG filling it. The PNG's
 * compressed data go into the PDF as they are (PDF's Flate filter with PNG predictors reads them, ISO
 * 32000 7.4.4.4): a 14 × 17 in film is embedded in milliseconds instead of being compressed again.
 */
public final class FilmPdf {

    private static final long PNG_SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = 0x49484452;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;

    private FilmPdf() {
    }

    /** A film rendered to {@code png}, printed on a page of {@code pageWidth} × {@code pageHeight} points. */
    public record Page(Path png, float pageWidth, float pageHeight) {
    }

    public static void write(List<Page> pages, Path pdf) throws IOException {
        // in memory: the pages hold the PNGs' compressed data only (a few hundred KB a film); PDFBox's
        // temp-file cache maps files it cannot unmap on Java 17 (an error logged at every job)
        try (PDDocument doc = new PDDocument()) {
            for (Page p : pages) {
                PDPage page = new PDPage(new PDRectangle(p.pageWidth(), p.pageHeight()));
                doc.addPage(page);
                PDImageXObject image = embed(doc, p.png());
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(image, 0, 0, p.pageWidth(), p.pageHeight());
                }
            }
            doc.save(pdf.toFile());
        }
    }

    /** The PNG (8-bit gray or RGB, not interlaced, as {@link FilmPng} writes it) as an image XObject. */
    static PDImageXObject embed(PDDocument doc, Path png) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(png), 65536))) {
            if (in.readLong() != PNG_SIGNATURE) {
                throw new IOException(png + " is not a PNG");
            }
            int length = in.readInt();
            if (in.readInt() != IHDR) {
                throw new IOException(png + ": no IHDR");
            }
            int width = in.readInt();
            int height = in.readInt();
            int bitDepth = in.readUnsignedByte();
            int colorType = in.readUnsignedByte();
            in.skipNBytes(2); // compression and filter method: always 0 in PNG
            int interlace = in.readUnsignedByte();
            in.skipNBytes(length - 13 + 4); // the rest of IHDR, its CRC
            if (bitDepth != 8 || (colorType != 0 && colorType != 2) || interlace != 0) {
                throw new IOException(png + ": an 8-bit gray or RGB PNG without interlace is expected");
            }
            int colors = colorType == 2 ? 3 : 1;
            PDImageXObject image = new PDImageXObject(doc, new IdatStream(in), COSName.FLATE_DECODE, width, height,
                    8, colors == 3 ? PDDeviceRGB.INSTANCE : PDDeviceGray.INSTANCE);
            COSDictionary parms = new COSDictionary();
            parms.setInt(COSName.PREDICTOR, 15); // PNG predictors, chosen per row
            parms.setInt(COSName.COLORS, colors);
            parms.setInt(COSName.BITS_PER_COMPONENT, 8);
            parms.setInt(COSName.COLUMNS, width);
            image.getCOSObject().setItem(COSName.DECODE_PARMS, parms);
            return image;
        }
    }

    /** The zlib stream of a PNG: the data of its IDAT chunks in order, the other chunks skipped. */
    private static final class IdatStream extends InputStream {
        private final DataInputStream in;
        private int left;
        private boolean end;

        IdatStream(DataInputStream in) {
            this.in = in;
        }

        private boolean next() throws IOException {
            while (left == 0 && !end) {
                if (left == 0 && in.available() >= 0) {
                    int length;
                    int type;
                    try {
                        length = in.readInt();
                        type = in.readInt();
                    } catch (EOFException e) {
                        end = true;
                        return false;
                    }
                    if (type == IDAT) {
                        left = length;
                        if (length == 0) {
                            in.skipNBytes(4);
                        }
                    } else {
                        in.skipNBytes(length + 4L);
                        end = type == IEND;
                    }
                }
            }
            return left > 0;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!next()) {
                return -1;
            }
            int n = in.read(b, off, Math.min(len, left));
            if (n < 0) {
                throw new EOFException("PNG ends inside an IDAT chunk");
            }
            left -= n;
            if (left == 0) {
                in.skipNBytes(4); // its CRC
            }
            return n;
        }
    }
}
