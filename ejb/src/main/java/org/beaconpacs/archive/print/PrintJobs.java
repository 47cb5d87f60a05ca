package org.beaconpacs.archive.print;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.beaconpacs.archive.config.Settings;
import org.beaconpacs.archive.entity.print.PrintJob;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;

/** The print jobs in the database, and their state changes as events. */
@Stateless
public class PrintJobs {

    private static final List<String> PRIORITIES = List.of("HIGH", "MED", "LOW");

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;
    @Inject
    private Event<PrintJobChanged> changed;

    /** A job spooled into {@code directory}, PENDING, with the film session's attributes. */
    public PrintJobSummary create(String jobUid, String printerAe, String callingAe, Attributes session, boolean color,
                                  int films, String directory) {
        PrintJob job = new PrintJob(jobUid, printerAe, callingAe, directory);
        job.setSessionLabel(session.getString(Tag.FilmSessionLabel));
        job.setPriority(session.getString(Tag.PrintPriority, "MED").strip());
        job.setCopies(session.getInt(Tag.NumberOfCopies, 1));
        job.setMediumType(session.getString(Tag.MediumType));
        job.setFilmDestination(session.getString(Tag.FilmDestination));
        job.setColor(color);
        job.setFilms(films);
        job.setStatusInfo("NORMAL");
        job.setNode(Settings.nodeName());
        em.persist(job);
        em.flush();
        PrintJobSummary s = summary(job);
        changed.fire(new PrintJobChanged(s));
        return s;
    }

    /** The pending jobs in the order they print: by Print Priority, then first come first served. */
    public List<PrintJobSummary> pending() {
        return em.createNamedQuery(PrintJob.BY_STATE, PrintJob.class).setParameter("state", PrintJob.State.PENDING)
                .setMaxResults(500).getResultStream().map(PrintJobs::summary)
                .sorted(Comparator.comparingInt((PrintJobSummary j) -> Math.max(0, PRIORITIES.indexOf(j.priority())))
                        .thenComparingLong(PrintJobSummary::id))
                .toList();
    }

    /**
     * Takes pending job {@code id} for {@code node} until {@code until}: empty if it is no longer pending
     * (another node of the cluster took it first, or an administrator removed it).
     */
    public Optional<PrintJobSummary> claim(long id, String node, Instant now, Instant until) {
        int taken = em.createQuery("update PrintJob j set j.state = :printing, j.node = :node, j.leaseUntil = :until,"
                        + " j.updated = :now, j.statusInfo = 'NORMAL', j.detail = null where j.id = :id and j.state = :pending")
                .setParameter("printing", PrintJob.State.PRINTING).setParameter("pending", PrintJob.State.PENDING)
                .setParameter("node", node).setParameter("until", until).setParameter("now", now)
                .setParameter("id", id).executeUpdate();
        if (taken == 0) {
            return Optional.empty();
        }
        PrintJobSummary s = summary(em.find(PrintJob.class, id));
        changed.fire(new PrintJobChanged(s));
        return Optional.of(s);
    }

    /**
     * Jobs that {@code node} left PRINTING when it stopped or crashed go back to PENDING (and those of
     * a version that did not record the node).
     */
    public int requeueInterrupted(String node) {
        return requeue(em.createQuery("select j from PrintJob j where j.state = :printing"
                        + " and (j.node = :node or j.node is null)", PrintJob.class)
                .setParameter("printing", PrintJob.State.PRINTING).setParameter("node", node).getResultList());
    }

    /** Jobs whose node's claim ran out (a node that died while printing them) go back to PENDING. */
    public int requeueExpired(Instant now) {
        return requeue(em.createQuery("select j from PrintJob j where j.state = :printing and j.leaseUntil < :now",
                        PrintJob.class)
                .setParameter("printing", PrintJob.State.PRINTING).setParameter("now", now).getResultList());
    }

    private int requeue(List<PrintJob> jobs) {
        for (PrintJob j : jobs) {
            j.setState(PrintJob.State.PENDING);
            j.setDetail("interrupted on " + j.getNode() + "; printed again");
        }
        em.flush();
        jobs.forEach(j -> changed.fire(new PrintJobChanged(summary(j))));
        return jobs.size();
    }

    public PrintJobSummary state(long id, PrintJob.State state, String statusInfo, String detail) {
        PrintJob job = em.find(PrintJob.class, id);
        job.setState(state);
        job.setStatusInfo(statusInfo);
        job.setDetail(detail);
        if (state == PrintJob.State.DONE) {
            job.setPrinted(Instant.now());
        }
        em.flush();
        PrintJobSummary s = summary(job);
        changed.fire(new PrintJobChanged(s));
        return s;
    }

    public Optional<PrintJobSummary> byUid(String jobUid) {
        return em.createNamedQuery(PrintJob.BY_UID, PrintJob.class).setParameter("uid", jobUid).getResultStream()
                .findFirst().map(PrintJobs::summary);
    }

    public Optional<PrintJobSummary> byId(long id) {
        return Optional.ofNullable(em.find(PrintJob.class, id)).map(PrintJobs::summary);
    }

    public List<PrintJobSummary> recent(int limit) {
        return em.createNamedQuery(PrintJob.RECENT, PrintJob.class).setMaxResults(limit).getResultStream()
                .map(PrintJobs::summary).toList();
    }

    /** Removes the job's row; its directory is the caller's. */
    public Optional<PrintJobSummary> delete(long id) {
        PrintJob job = em.find(PrintJob.class, id);
        if (job == null) {
            return Optional.empty();
        }
        PrintJobSummary s = summary(job);
        em.remove(job);
        return Optional.of(s);
    }

    static PrintJobSummary summary(PrintJob j) {
        return new PrintJobSummary(j.getId(), j.getJobUid(), j.getPrinterAe(), j.getCallingAe(), j.getSessionLabel(),
                j.getPriority(), j.getCopies(), j.getMediumType(), j.getFilmDestination(), j.isColor(), j.getFilms(),
                j.getState().name(), j.getStatusInfo(), j.getDetail(), j.getDirectory(), j.getCreated(),
                j.getUpdated(), j.getPrinted(), j.getNode());
    }
}
