package org.beaconpacs.archive.print;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.dimse.AssociationEnded;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.association.DataWriter;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.scp.Responder;

/**
 * Tells print SCUs what happens while their association lasts (PS3.4 H.4.5.1, H.4.6.1): a Print Job
 * N-EVENT-REPORT at each change of its job's Execution Status (1 PENDING, 2 PRINTING, 3 DONE, 4 FAILURE) on
 * the Print Job SOP Class's context when the SCU negotiated it, and a Printer N-EVENT-REPORT (1 NORMAL,
 * 2 WARNING, 3 FAILURE) to every association printing on a printer whose status an administrator changed.
 * Sent from a managed thread, never the association's reader, in order per association, a job's reports
 * only after the N-ACTION-RSP that named the job; a refused or lost report changes nothing.
 */
@ApplicationScoped
public class PrintEventReporter {

    private static final Logger LOG = Logger.getLogger(PrintEventReporter.class.getName());
    private static final java.util.List<String> JOB_EVENTS = java.util.List.of("PENDING", "PRINTING", "DONE",
            "FAILURE");
    private static final long ANNOUNCE_SECONDS = 10;
    private static final java.util.List<String> PRINTER_EVENTS = java.util.List.of("NORMAL", "WARNING", "FAILURE");

    private final Map<Long, Responder> channels = new ConcurrentHashMap<>();
    /** Per association, the reports in the order of the changes: one after the other. */
    private final Map<Long, CompletableFuture<Void>> chains = new ConcurrentHashMap<>();
    /** Per job, done once the N-ACTION-RSP that names it has gone: no report of a job the SCU does not know. */
    private final Map<String, CompletableFuture<Void>> announced = new ConcurrentHashMap<>();

    @Inject
    private PrintSessions sessions;
    @Resource
    private ManagedExecutorService executor;

    /** Remembers the association of a print request, to report on it later. */
    void register(long serial, Responder responder) {
        channels.putIfAbsent(serial, responder);
    }

    /** The N-ACTION-RSP naming print job {@code jobUid} has been sent. */
    void announced(String jobUid) {
        announced.computeIfAbsent(jobUid, k -> new CompletableFuture<>()).complete(null);
    }

    void ended(@Observes AssociationEnded ended) {
        if (ended.report().association() != null) {
            channels.remove(ended.report().association().serial());
            chains.remove(ended.report().association().serial());
        }
    }

    void jobChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PrintJobChanged changed) {
        PrintJobSummary job = changed.job();
        Long serial = sessions.madeJob(job.jobUid());
        Responder channel = serial == null ? null : channels.get(serial);
        if (channel == null || !channel.isAssociationOpen()) {
            return;
        }
        Attributes info = new Attributes();
        info.setString(Tag.ExecutionStatusInfo, VR.CS, job.statusInfo() == null ? "NORMAL" : job.statusInfo());
        if (job.sessionLabel() != null) {
            info.setString(Tag.FilmSessionLabel, VR.LO, job.sessionLabel());
        }
        int eventType = JOB_EVENTS.indexOf(job.state()) + 1;
        boolean last = job.state().equals("DONE") || job.state().equals("FAILURE");
        CompletableFuture<Void> known = announced.computeIfAbsent(job.jobUid(), k -> new CompletableFuture<>())
                .completeOnTimeout(null, ANNOUNCE_SECONDS, TimeUnit.SECONDS);
        if (last) {
            announced.remove(job.jobUid());
        }
        chains.compute(serial, (k, previous) -> CompletableFuture.allOf(previous == null
                        ? CompletableFuture.completedFuture(null) : previous, known)
                .thenRunAsync(() -> send(channel, UID.PrintJob, UID.PrintJob, job.jobUid(), eventType, info), executor));
    }

    void printerChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PrinterStatusChanged changed) {
        PrinterSettings p = changed.printer();
        Attributes info = new Attributes();
        info.setString(Tag.PrinterStatusInfo, VR.CS, p.statusInfo());
        info.setString(Tag.PrinterName, VR.LO, p.name().length() > 64 ? p.name().substring(0, 64) : p.name());
        int eventType = PRINTER_EVENTS.indexOf(p.status()) + 1;
        for (Long serial : sessions.printingOn(p.aeTitle())) {
            Responder channel = channels.get(serial);
            if (channel != null && channel.isAssociationOpen()) {
                // on the Meta SOP Class's context the printer belongs to (or a Printer SOP Class context)
                chains.compute(serial, (k, previous) -> (previous == null ? CompletableFuture.<Void>completedFuture(null)
                        : previous).thenRunAsync(() -> send(channel, null, UID.Printer, UID.PrinterInstance,
                        eventType, info), executor));
            }
        }
    }

    private void send(Responder channel, String context, String sopClass, String uid, int eventType,
                      Attributes info) {
        try {
            Command rq = Command.nEventReportRQ(channel.association().nextMessageId(), sopClass, uid, eventType, true);
            Command rsp = context == null ? channel.invoke(rq, DataWriter.of(info))
                    : channel.invoke(context, rq, DataWriter.of(info));
            LOG.fine(() -> "N-EVENT-REPORT " + sopClass + " " + eventType + " answered " + rsp.status());
        } catch (IOException e) {
            LOG.log(Level.FINE, "N-EVENT-REPORT of " + sopClass + " not delivered: " + e.getMessage(), e);
        }
    }
}
