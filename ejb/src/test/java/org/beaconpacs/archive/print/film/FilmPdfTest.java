package org.beaconpacs.archive.print.film;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.beaconpacs.dicom.data.Attributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilmPdfTest {

    @TempDir
    Path dir;

    @Test
    void thePngsDataGoIntoThePdfAndDecodeToTheSamePixels() throws Exception {
        Attributes film = FilmRendererTest.film("STANDARD\\2,1", "8INX10IN", "LANDSCAPE");
        FilmRendererTest.addImage(film, 1, FilmRendererTest.gray8(40, 30, 200), "NORMAL");
        FilmRendererTest.addImage(film, 2, FilmRendererTest.gray8(40, 30, 90), "REVERSE");
        BufferedImage gray = new FilmRenderer(50, Map.of()).render(film, false);
        BufferedImage rgb = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 60; x++) {
                rgb.setRGB(x, y, (x * 4) << 16 | (y * 6) << 8 | (x + y));
            }
        }
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        FilmPng.write(gray, a);
        FilmPng.write(rgb, b);
        Path pdf = dir.resolve("job.pdf");
        FilmPdf.write(List.of(new FilmPdf.Page(a, 720, 576), new FilmPdf.Page(b, 100, 80)), pdf);
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertEquals(2, doc.getNumberOfPages());
            assertEquals(720, doc.getPage(0).getMediaBox().getWidth(), 0.01);
            assertSame(gray, image(doc, 0), true);
            assertSame(rgb, image(doc, 1), false);
        }
    }

    private static BufferedImage image(PDDocument doc, int page) throws Exception {
        var resources = doc.getPage(page).getResources();
        var name = resources.getXObjectNames().iterator().next();
        return ((PDImageXObject) resources.getXObject(name)).getImage();
    }

    private static void assertSame(BufferedImage expected, BufferedImage actual, boolean gray) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int e = gray ? expected.getRaster().getSample(x, y, 0) : expected.getRGB(x, y) & 0xFFFFFF;
                int v = gray ? actual.getRGB(x, y) & 0xFF : actual.getRGB(x, y) & 0xFFFFFF;
                assertEquals(e, v, "pixel " + x + "," + y);
            }
        }
    }
}
