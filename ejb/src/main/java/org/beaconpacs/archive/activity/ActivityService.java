package org.beaconpacs.archive.activity;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.beaconpacs.archive.config.AeConfigService;
import org.beaconpacs.archive.rar.api.AssociationReport;
import org.beaconpacs.archive.rar.api.AssociationReport.ContextResult;
import org.beaconpacs.archive.rar.api.AssociationReport.MessageTrace;

/** Keeps the adapter's association reports as {@link AssociationRecord}s and reads them back. */
@Stateless
public class ActivityService {

    private static final Logger LOG = Logger.getLogger(ActivityService.class.getName());

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;
    @EJB
    private AeConfigService config;

    public void record(AssociationReport report) {
        AssociationRecord r = new AssociationRecord();
        var info = report.association();
        r.setSerial(info.serial());
        r.setCallingAe(info.callingAeTitle());
        r.setCalledAe(info.calledAeTitle());
        r.setPeerHost(info.peerHost());
        r.setPeerPort(info.peerPort());
        r.setLocalPort(info.localPort());
        r.setStarted(report.start());
        r.setEnded(report.end());
        r.setOutcome(AssociationRecord.Outcome.valueOf(report.outcome().name()));
        r.setOutcomeDetail(truncate(report.outcomeDetail(), 1000));
        r.setBytesReceived(report.bytesReceived());
        r.setBytesSent(report.bytesSent());
        r.setTraceTruncated(report.traceTruncated());
        r.setObjectsStored(report.objectsStored());
        r.setBytesStored(report.bytesStored());
        r.setFailures(truncate(new TreeMap<>(report.failures()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")), 1000));
        r.setRequests(truncate(new TreeMap<>(report.requestCounts()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")), 1000));
        var n = report.negotiation();
        if (n != null) {
            r.setPeerMaxPdu(n.peerMaxPduLength());
            r.setOurMaxPdu(n.ourMaxPduLength());
            r.setPeerImplementationClassUid(n.peerImplementationClassUid());
            r.setPeerImplementationVersion(n.peerImplementationVersionName());
            r.setRoles(truncate(String.join("\n", n.roleSelections()), 4000));
            for (ContextResult c : n.contexts()) {
                r.getContexts().add(new NegotiatedContext(c.id(), c.abstractSyntax(),
                        truncate(String.join("\\", c.proposedTransferSyntaxes()), 4000), c.result(),
                        c.transferSyntax()));
            }
        }
        for (MessageTrace m : report.trace()) {
            r.getMessages().add(new TracedMessage(m.time(), m.command(), m.messageId(), m.sopClassUid(),
                    m.sopInstanceUid(), m.status(), m.micros()));
        }
        em.persist(r);
        if (info.callingAeTitle() != null && report.outcome() != AssociationReport.Outcome.REJECTED
                && config.find(info.callingAeTitle()).isEmpty()) {
            // accepted by the "accept" policy: say so, it is the first step of connecting a new modality
            LOG.info(() -> "association from calling AE " + info.callingAeTitle() + " at " + info.peerHost()
                    + ", which is not configured (accepted by policy)");
        }
        if (report.outcome() != AssociationReport.Outcome.RELEASED) {
            LOG.info(() -> "association " + info.callingAeTitle() + " -> " + info.calledAeTitle() + " from "
                    + info.peerHost() + ": " + report.outcome() + " (" + report.outcomeDetail() + ")");
        }
    }

    /** Keeps a note on association {@code serial}, in its own transaction (it must outlive a failure). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void note(long serial, String text) {
        em.persist(new AssociationNote(serial, text));
        LOG.info(() -> "association " + serial + ": " + text);
    }

    /** The notes of these associations, by serial. */
    public Map<Long, List<String>> notes(List<Long> serials) {
        Map<Long, List<String>> notes = new java.util.HashMap<>();
        if (!serials.isEmpty()) {
            for (AssociationNote n : em.createNamedQuery(AssociationNote.OF_SERIALS, AssociationNote.class)
                    .setParameter("serials", serials).getResultList()) {
                notes.computeIfAbsent(n.getAssociationSerial(), k -> new java.util.ArrayList<>()).add(n.getNote());
            }
        }
        return notes;
    }

    /** The latest association records, newest first. */
    public List<AssociationRecord> latest(int max) {
        List<AssociationRecord> records = em.createNamedQuery(AssociationRecord.LATEST, AssociationRecord.class)
                .setMaxResults(max).getResultList();
        records.forEach(r -> {
            r.getContexts().size();
            r.getMessages().size();
        });
        return records;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
