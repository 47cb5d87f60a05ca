package org.beaconpacs.archive.print.film;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

class FilmRendererTest {

    private static final int DPI = 100;

    @Test
    void standardTwoByTwoPutsEachImageInItsCellWithBorderAndEmptyDensities() throws IOException {
        Attributes film = film("STANDARD\\2,2", "14INX17IN", "PORTRAIT");
        film.setString(Tag.BorderDensity, VR.CS, "WHITE");
        film.setString(Tag.EmptyImageDensity, VR.CS, "BLACK");
        film.setString(Tag.MagnificationType, VR.CS, "REPLICATE");
        addImage(film, 1, gray8(100, 100, 255), "NORMAL");
        addImage(film, 4, gray8(100, 100, 255), "REVERSE");
        BufferedImage out = new FilmRenderer(DPI, Map.of()).render(film, false);
        assertEquals(1400, out.getWidth());
        assertEquals(1700, out.getHeight());
        int gap = 10; // 0.1 in
        int cellW = (1400 - 3 * gap) / 2;
        int cellH = (1700 - 3 * gap) / 2;
        assertEquals(255, p(out, 2, 2), "border WHITE is the top P-value");
        // cell 1: a 100 x 100 white image replicated by 6 (cellW 685 / 100), centred
        Rectangle c1 = new Rectangle(gap, gap, cellW, cellH);
        int w = 600;
        int x0 = c1.x + (c1.width - w) / 2;
        int y0 = c1.y + (c1.height - w) / 2;
        assertEquals(255, p(out, x0 + 1, y0 + 1));
        assertEquals(0, p(out, x0 - 2, y0 + 10), "the rest of the box is empty: BLACK");
        // cell 2 and 3 empty: BLACK; cell 4 reversed: black image on black
        assertEquals(0, p(out, gap + cellW + gap + cellW / 2, gap + cellH / 2));
        assertEquals(0, p(out, 2 * gap + cellW + cellW / 2, 2 * gap + cellH + cellH / 2));
        assertEquals(255, p(out, gap + cellW + gap / 2, gap + cellH / 2), "the gap between boxes is border");
    }

    @Test
    void densitiesBecomePValuesThroughTheGsdf() {
        Gsdf gsdf = new Gsdf(2000, 10, 0.2, 3.2);
        assertEquals(0, gsdf.pValue(3.2), 1e-9);
        assertEquals(1, gsdf.pValue(0.2), 1e-9);
        double mid = gsdf.pValue(1.5);
        assertTrue(mid > 0.3 && mid < 0.8, "1.5 OD lies inside: " + mid);
        assertEquals(1.5, gsdf.density(mid), 1e-3); // the two fits of PS3.14 are inverses to 0.1 %
        // PS3.14 Table B-1: JND index 1 is 0.0500 cd/m², 1023 is 3993.404 cd/m²
        assertEquals(0.05, Gsdf.luminance(1), 0.001);
        assertEquals(3993.404, Gsdf.luminance(1023), 0.1);
    }

    static int p(BufferedImage img, int x, int y) {
        return img.getRaster().getSample(x, y, 0);
    }

    static Attributes film(String format, String size, String orientation) {
        Attributes film = new Attributes();
        film.setString(Tag.ImageDisplayFormat, VR.ST, format);
        film.setString(Tag.FilmSizeID, VR.CS, size);
        film.setString(Tag.FilmOrientation, VR.CS, orientation);
        film.setInt(Tag.MinDensity, VR.US, 20);
        film.setInt(Tag.MaxDensity, VR.US, 320);
        film.newSequence(Tag.ReferencedImageBoxSequence);
        return film;
    }

    static void addImage(Attributes film, int position, Attributes image, String polarity) {
        Attributes box = film.getSequence(Tag.ReferencedImageBoxSequence).addItem();
        box.setInt(Tag.ImageBoxPosition, VR.US, position);
        box.setString(Tag.Polarity, VR.CS, polarity);
        box.newSequence(Tag.BasicGrayscaleImageSequence).add(image);
    }

    static Attributes gray8(int cols, int rows, int value) {
        Attributes image = new Attributes();
        image.setInt(Tag.SamplesPerPixel, VR.US, 1);
        image.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        image.setInt(Tag.Rows, VR.US, rows);
        image.setInt(Tag.Columns, VR.US, cols);
        image.setInt(Tag.BitsAllocated, VR.US, 8);
        image.setInt(Tag.BitsStored, VR.US, 8);
        image.setInt(Tag.HighBit, VR.US, 7);
        image.setInt(Tag.PixelRepresentation, VR.US, 0);
        byte[] px = new byte[cols * rows];
        java.util.Arrays.fill(px, (byte) value);
        image.setBytes(Tag.PixelData, VR.OB, px);
        return image;
    }
}
