package org.beaconpacs.archive.print.film;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** A print job's films as one PDF: a page per film, of the film's size, the film's PNG filling it. */
public final class FilmPdf {

    private FilmPdf() {
    }

    /** A film rendered to {@code png}, printed on a page of {@code pageWidth} × {@code pageHeight} points. */
    public record Page(Path png, float pageWidth, float pageHeight) {
    }

    public static void write(List<Page> pages, Path pdf) throws IOException {
        // the PNGs' compressed data go into the PDF as they are (no decoding); the document's
        // buffers in temp files, not the heap
        try (PDDocument doc = new PDDocument(MemoryUsageSetting.setupTempFileOnly().streamCache)) {
            for (Page p : pages) {
                PDPage page = new PDPage(new PDRectangle(p.pageWidth(), p.pageHeight()));
                doc.addPage(page);
                // a film's PNG is small (flat areas compress well); from bytes, not a mapped file PDFBox
                // could not unmap on Java 17
                PDImageXObject image = PDImageXObject.createFromByteArray(doc, Files.readAllBytes(p.png()),
                        p.png().getFileName().toString());
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(image, 0, 0, p.pageWidth(), p.pageHeight());
                }
            }
            doc.save(pdf.toFile());
        }
    }
}
