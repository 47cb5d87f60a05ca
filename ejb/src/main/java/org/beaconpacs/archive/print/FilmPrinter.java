package org.beaconpacs.archive.print;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.beaconpacs.archive.print.film.FilmPdf;
import org.beaconpacs.archive.print.film.FilmPng;
import org.beaconpacs.archive.print.film.FilmRenderer;
import org.beaconpacs.archive.print.film.FilmSize;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;

/**
 * Produces a print job's output from its spooled films: each film rendered at its printer's resolution
 * into {@code film-N.png}, all of them into {@code job.pdf} (a page per film, of the film's size).
 */
@ApplicationScoped
public class FilmPrinter {

    private static final Logger LOG = Logger.getLogger(FilmPrinter.class.getName());
    public static final String PDF = "job.pdf";
    private static final int THUMBNAIL_WIDTH = 240;

    @Inject
    private Printers printers;
    @Inject
    private FilmArchiver archiver;

    /** Prints {@code job}; returns what was produced, for the job's detail. */
    String print(PrintJobSummary job) throws IOException {
        PrinterSettings printer = printers.forAe(job.printerAe())
                .orElseThrow(() -> new IOException("printer " + job.printerAe() + " no longer exists"));
        Path dir = Path.of(job.directory());
        FilmRenderer renderer = new FilmRenderer(printer.resolutionDpi(), printer.customFormatMap());
        List<FilmPdf.Page> pages = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Attributes session = Files.exists(dir.resolve(PrintSpooler.SESSION))
                ? FilmSpool.read(dir.resolve(PrintSpooler.SESSION)) : null;
        long start = System.nanoTime();
        long rendering = 0;
        long png = 0;
        for (int n = 1; n <= job.films(); n++) {
            Attributes film = FilmSpool.read(dir.resolve(PrintSpooler.filmFile(n)));
            long t0 = System.nanoTime();
            BufferedImage image = renderer.render(film, job.color());
            long t1 = System.nanoTime();
            Path file = dir.resolve(pngFile(n));
            FilmPng.write(image, file);
            FilmPng.write(FilmPng.thumbnail(image, THUMBNAIL_WIDTH), dir.resolve(thumbnailFile(n)));
            rendering += t1 - t0;
            png += System.nanoTime() - t1;
            FilmSize size = FilmSize.of(film.getString(Tag.FilmSizeID));
            float[] points = size.points("LANDSCAPE".equals(film.getString(Tag.FilmOrientation)));
            pages.add(new FilmPdf.Page(file, points[0], points[1]));
            if (printer.toArchive()) {
                String refused = archiver.store(job, session, n, image, printer.aeTitle());
                if (refused != null) {
                    throw new IOException("film " + n + " not stored into the archive: " + refused);
                }
            }
        }
        long t2 = System.nanoTime();
        FilmPdf.write(pages, dir.resolve(PDF));
        long pdf = System.nanoTime() - t2;
        long millis = (System.nanoTime() - start) / 1_000_000;
        StringBuilder detail = new StringBuilder().append(job.films()).append(" film(s) at ")
                .append(printer.resolutionDpi()).append(" dpi in ").append(millis).append(" ms (rendered ")
                .append(rendering / 1_000_000).append(" ms, PNG ").append(png / 1_000_000).append(" ms, PDF ")
                .append(pdf / 1_000_000).append(" ms)");
        if (printer.toArchive()) {
            detail.append("; stored into the archive");
        }
        if (printer.cupsQueue() != null && !printer.cupsQueue().isBlank()) {
            CupsOutput.print(printer.cupsQueue(), dir.resolve(PDF), job.copies(), "Beacon print job "
                    + (job.sessionLabel() == null ? job.jobUid() : job.sessionLabel()));
            detail.append("; sent to CUPS queue ").append(printer.cupsQueue());
        }
        LOG.fine(() -> "print job " + job.jobUid() + ": " + detail);
        return detail.toString();
    }

    public static String pngFile(int n) {
        return "film-" + n + ".png";
    }

    public static String thumbnailFile(int n) {
        return "film-" + n + ".thumbnail.png";
    }
}
