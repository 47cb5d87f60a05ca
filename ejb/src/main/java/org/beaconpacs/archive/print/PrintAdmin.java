package org.beaconpacs.archive.print;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.beaconpacs.archive.config.AeDto;
import org.beaconpacs.archive.config.AeRepository;
import org.beaconpacs.archive.entity.print.PrintJob;
import org.beaconpacs.archive.input.InvalidInputException;
import org.beaconpacs.archive.input.Problem;

/**
 * The printers and the print queue as an administrator runs them (console and REST): printers created,
 * changed, their status set (reported to print SCUs); jobs listed, their films and PDF read, reprinted,
 * deleted.
 */
@Stateless
public class PrintAdmin {

    @EJB
    private Printers printers;
    @EJB
    private PrintJobs jobs;
    @EJB
    private AeRepository aes;
    @Inject
    private PrintQueue queue;
    @Inject
    private Event<PrinterStatusChanged> statusChanged;
    @Inject
    private PrintSessions sessions;

    /** Print state held now: associations with a film session or LUTs, and their spooled images. */
    public record State(int openAssociations, long spooledImages) implements java.io.Serializable {
    }

    public State state() {
        Path spool = PrintSettings.root().resolve("spool");
        long files = 0;
        if (Files.isDirectory(spool)) {
            try (java.util.stream.Stream<Path> walk = Files.walk(spool)) {
                files = walk.filter(Files::isRegularFile).count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new State(sessions.open(), files);
    }

    public List<PrinterSettings> printers() {
        return printers.all();
    }

    public Optional<PrinterSettings> printer(String aeTitle) {
        return printers.forAe(aeTitle);
    }

    /** Creates a printer ({@code existing} null) or replaces the configuration of printer {@code existing}. */
    public PrinterSettings save(String existing, PrinterSettings settings) {
        Map<String, Problem> problems = PrinterRules.problems(settings);
        if (problems.isEmpty()) {
            String ae = settings.aeTitle().strip();
            if (aes.all().stream().noneMatch(a -> a.local() && a.aeTitle().equals(ae))) {
                problems.put("aeTitle", new Problem("printer.notLocal", ae));
            } else if (!ae.equals(existing) && printers.forAe(ae).isPresent()) {
                problems.put("aeTitle", new Problem("printer.exists", ae));
            } else if (existing != null && printers.forAe(existing).isEmpty()) {
                problems.put("aeTitle", new Problem("printer.notFound", existing));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PrinterSettings before = existing == null ? null : printers.forAe(existing).orElse(null);
        PrinterSettings saved = printers.save(existing, settings);
        if (before != null && (!before.status().equals(saved.status())
                || !before.statusInfo().equals(saved.statusInfo()))) {
            statusChanged.fire(new PrinterStatusChanged(saved));
        }
        queue.trigger(); // a printer back from FAILURE prints what waited
        return saved;
    }

    /** Sets a printer's status and status info, as its SCUs are told. */
    public PrinterSettings setStatus(String aeTitle, String status, String info) {
        PrinterSettings p = printers.forAe(aeTitle).orElseThrow(() -> InvalidInputException.of("aeTitle",
                new Problem("printer.notFound", aeTitle)));
        return save(aeTitle, new PrinterSettings(p.id(), p.aeTitle(), p.name(), p.description(), p.resolutionDpi(),
                p.filmSizes(), p.mediumTypes(), p.filmDestinations(), p.displayFormats(), p.defaultDisplayFormat(),
                p.customFormats(), p.annotationFormats(), p.magnificationTypes(), p.smoothingTypes(), p.minDensity(),
                p.maxDensity(), p.borderDensity(), p.emptyImageDensity(), p.illumination(),
                p.reflectedAmbientLight(), p.outputFiles(), p.cupsQueue(), p.toArchive(), status,
                info == null || info.isBlank() ? status : info, p.version()));
    }

    public boolean deletePrinter(String aeTitle) {
        return printers.delete(aeTitle);
    }

    public List<PrintJobSummary> jobs(int limit) {
        return jobs.recent(limit);
    }

    public Optional<PrintJobSummary> job(long id) {
        return jobs.byId(id);
    }

    /** Film {@code n}'s PNG, or its thumbnail, once rendered. */
    public Optional<Path> film(long id, int n, boolean thumbnail) {
        return jobs.byId(id).filter(j -> n >= 1 && n <= j.films()).map(j -> Path.of(j.directory())
                .resolve(thumbnail ? FilmPrinter.thumbnailFile(n) : FilmPrinter.pngFile(n))).filter(Files::exists);
    }

    public Optional<Path> pdf(long id) {
        return jobs.byId(id).map(j -> Path.of(j.directory()).resolve(FilmPrinter.PDF)).filter(Files::exists);
    }

    /** Prints the job's spooled films again (its output is replaced). */
    public Optional<PrintJobSummary> reprint(long id) {
        Optional<PrintJobSummary> job = jobs.byId(id).filter(j -> !j.state().equals("PRINTING"))
                .map(j -> jobs.state(id, PrintJob.State.PENDING, "NORMAL", "reprint asked"));
        job.ifPresent(j -> queue.trigger());
        return job;
    }

    /** Deletes a job that is not printing, with its films and output. */
    public boolean deleteJob(long id) {
        Optional<PrintJobSummary> job = jobs.byId(id).filter(j -> !j.state().equals("PRINTING"));
        if (job.isEmpty()) {
            return false;
        }
        jobs.delete(id);
        try {
            PrintSpooler.deleteTree(Path.of(job.get().directory()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** Local AE titles without a printer, for the console's choice of a new printer's AE. */
    public List<String> localAesWithoutPrinter() {
        List<String> taken = printers.all().stream().map(PrinterSettings::aeTitle).toList();
        return aes.all().stream().filter(AeDto::local).map(AeDto::aeTitle).filter(a -> !taken.contains(a)).toList();
    }
}
