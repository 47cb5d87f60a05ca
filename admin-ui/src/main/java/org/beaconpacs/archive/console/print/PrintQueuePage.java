package org.beaconpacs.archive.console.print;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.stream.IntStream;
import org.beaconpacs.archive.console.CurrentUser;
import org.beaconpacs.archive.console.Messages;
import org.beaconpacs.archive.print.PrintAdmin;
import org.beaconpacs.archive.print.PrintJobSummary;

/** The print queue page: the latest jobs with their state, previews of their films, the PDF, reprint, delete. */
@Named("printQueue")
@ViewScoped
public class PrintQueuePage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 200;

    @EJB
    private PrintAdmin print;

    private List<PrintJobSummary> jobs = List.of();

    @PostConstruct
    void load() {
        jobs = print.jobs(SHOWN);
    }

    public void refresh() {
        load();
    }

    public void reprint(PrintJobSummary job) {
        CurrentUser.requireAdmin();
        if (print.reprint(job.id()).isPresent()) {
            Messages.info("queue.reprinted", job.id());
        }
        load();
    }

    public void delete(PrintJobSummary job) {
        CurrentUser.requireAdmin();
        if (print.deleteJob(job.id())) {
            Messages.info("queue.deleted", job.id());
        }
        load();
    }

    /** The films of {@code job}, 1 to n, for their previews. */
    public List<Integer> films(PrintJobSummary job) {
        return IntStream.rangeClosed(1, job.films()).boxed().toList();
    }

    public String severity(String state) {
        return switch (state) {
            case "DONE" -> "success";
            case "FAILURE" -> "danger";
            case "PRINTING" -> "info";
            default -> "warning";
        };
    }

    public List<PrintJobSummary> getJobs() {
        return jobs;
    }
}
