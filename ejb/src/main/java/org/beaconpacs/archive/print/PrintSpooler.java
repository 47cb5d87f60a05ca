package org.beaconpacs.archive.print;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.uid.UIDs;

/**
 * Turns an N-ACTION print into a print job: the films are written to the job's directory and fsync'd,
 * then the job is recorded PENDING, then the queue is woken; only then is the N-ACTION answered, so an
 * acknowledged job survives a crash and prints after the restart.
 */
@ApplicationScoped
public class PrintSpooler {

    @Inject
    private PrintJobs jobs;
    @Inject
    private PrintQueue queue;

    /** The job's UID. */
    String spool(PrinterSettings printer, String callingAe, Attributes session, List<FilmBox> boxes,
                 Map<String, Attributes> luts, java.util.function.Consumer<String> made) throws IOException {
        String jobUid = UIDs.generate();
        Path dir = jobDirectory(jobUid);
        Files.createDirectories(dir);
        try {
            FilmSpool.write(dir.resolve(SESSION), session);
            int n = 0;
            for (FilmBox box : boxes) {
                FilmSpool.write(dir.resolve(filmFile(++n)), FilmSpool.describe(box, luts));
            }
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            }
            boolean color = boxes.stream().anyMatch(b -> b.imageBoxes.stream().anyMatch(i -> i.color));
            made.accept(jobUid); // before the job exists: its first event finds its association
            jobs.create(jobUid, printer.aeTitle(), callingAe, session, color, boxes.size(), dir.toString());
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
        queue.trigger();
        return jobUid;
    }

    static Path jobDirectory(String jobUid) {
        return PrintSettings.root().resolve("jobs").resolve(jobUid);
    }

    /** The film session's attributes, as the job's films were printed. */
    static final String SESSION = "session.dcm";

    static String filmFile(int n) {
        return "film-" + n + ".dcm";
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
