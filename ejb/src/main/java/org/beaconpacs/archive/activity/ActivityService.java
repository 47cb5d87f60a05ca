package org.beaconpacs.archive.activity;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.beaconpacs.archive.config.Settings;
import org.beaconpacs.archive.config.AeConfigService;
import org.beaconpacs.archive.config.AeDto;
import org.beaconpacs.archive.entity.activity.AssociationNote;
import org.beaconpacs.archive.entity.activity.AssociationRecord;
import org.beaconpacs.archive.entity.activity.NegotiatedContext;
import org.beaconpacs.archive.entity.activity.TracedMessage;
import org.beaconpacs.archive.rar.api.AssociationReport.ContextResult;
import org.beaconpacs.archive.rar.api.AssociationReport.MessageTrace;
import org.beaconpacs.archive.rar.api.AssociationReport;

/**
 * Keeps the adapter's association reports as {@link AssociationRecord}s (written in batches by
 * {@link AssociationRecords}) and the notes services leave on associations, and reads them back.
 */
@Stateless
public class ActivityService {

    private static final Logger LOG = Logger.getLogger(ActivityService.class.getName());

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;
    @EJB
    private AeConfigService config;
    @EJB
    private AssociationRecords records;

    /** Keeps these reports in one transaction of their own (see AssociationRecords). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAll(List<AssociationReport> reports) {
        reports.forEach(this::record);
    }

    private void record(AssociationReport report) {
        AssociationRecord r = new AssociationRecord();
        var info = report.association();
        r.setSerial(info.serial());
        r.setNode(Settings.nodeName());
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
        keep(serial, text);
    }

    private void keep(long serial, String text) {
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

    /** The latest association records, newest first, with their negotiation and trace. */
    public List<AssociationSummary> latest(int max) {
        records.flush(); // every association that has ended
        return em.createNamedQuery(AssociationRecord.LATEST, AssociationRecord.class).setMaxResults(max)
                .getResultList().stream().map(r -> AssociationSummary.of(r, true)).toList();
    }

    /** The records that {@code filter} selects, newest first, one page (without negotiation and trace). */
    public List<AssociationSummary> search(ActivityFilter filter, int offset, int limit) {
        records.flush(); // every association that has ended
        var cb = em.getCriteriaBuilder();
        var q = cb.createQuery(AssociationRecord.class);
        var r = q.from(AssociationRecord.class);
        q.select(r).where(where(cb, r, filter)).orderBy(cb.desc(r.get("started")), cb.desc(r.get("id")));
        return em.createQuery(q).setFirstResult(Math.max(0, offset)).setMaxResults(Math.min(Math.max(1, limit), 500))
                .getResultList().stream().map(a -> AssociationSummary.of(a, false)).toList();
    }

    /** How many records {@code filter} selects. */
    public long count(ActivityFilter filter) {
        records.flush(); // every association that has ended
        var cb = em.getCriteriaBuilder();
        var q = cb.createQuery(Long.class);
        var r = q.from(AssociationRecord.class);
        q.select(cb.count(r)).where(where(cb, r, filter));
        return em.createQuery(q).getSingleResult();
    }

    private static Predicate[] where(CriteriaBuilder cb, Root<AssociationRecord> r, ActivityFilter f) {
        List<Predicate> p = new ArrayList<>();
        if (f.aeTitle() != null && !f.aeTitle().isBlank()) {
            String aet = f.aeTitle().strip();
            p.add(cb.or(cb.equal(r.get("callingAe"), aet), cb.equal(r.get("calledAe"), aet)));
        }
        if (f.from() != null) {
            p.add(cb.greaterThanOrEqualTo(r.get("started"), f.from()));
        }
        if (f.to() != null) {
            p.add(cb.lessThan(r.get("started"), f.to()));
        }
        if (f.outcome() != null) {
            p.add(cb.equal(r.get("outcome"), AssociationRecord.Outcome.valueOf(f.outcome())));
        }
        return p.toArray(Predicate[]::new);
    }

    /** One record with its negotiation and DIMSE trace, or null. */
    public AssociationSummary record(long id) {
        records.flush(); // every association that has ended
        AssociationRecord r = em.find(AssociationRecord.class, id);
        return r == null ? null : AssociationSummary.of(r, true);
    }

    /** The outcomes a record may have, by name. */
    public List<String> outcomes() {
        return java.util.Arrays.stream(AssociationRecord.Outcome.values()).map(Enum::name).toList();
    }

    /** What the associations that started at or after {@code since} did. */
    public Totals totalsSince(Instant since) {
        records.flush(); // every association that has ended
        Object[] row = em.createQuery("select count(r), coalesce(sum(r.objectsStored), 0), "
                        + "coalesce(sum(r.bytesStored), 0), coalesce(sum(case when r.outcome not in :good "
                        + "then 1 else 0 end), 0) from AssociationRecord r where r.started >= :since", Object[].class)
                .setParameter("since", since)
                .setParameter("good", List.of(AssociationRecord.Outcome.RELEASED))
                .getSingleResult();
        return new Totals(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue());
    }

    /**
     * Calling AE titles seen in the association records (the latest {@code scan}) that are not configured,
     * newest first: the usual first sign of a new modality.
     */
    public List<SeenAe> seenNotConfigured(int scan) {
        records.flush(); // every association that has ended
        Set<String> configured = config.list().stream().map(AeDto::aeTitle).collect(Collectors.toSet());
        // newest first: the first record of a title gives its address and last time
        Map<String, AssociationRecord> newest = new LinkedHashMap<>();
        Map<String, Integer> associations = new HashMap<>();
        Map<String, Map<String, Integer>> requests = new HashMap<>();
        for (AssociationRecord r : em.createNamedQuery(AssociationRecord.LATEST, AssociationRecord.class)
                .setMaxResults(scan).getResultList()) {
            String aet = r.getCallingAe();
            if (aet == null || aet.isBlank() || configured.contains(aet)) {
                continue;
            }
            newest.putIfAbsent(aet, r);
            associations.merge(aet, 1, Integer::sum);
            r.requestCounts().forEach((command, n) ->
                    requests.computeIfAbsent(aet, k -> new TreeMap<>()).merge(command, n, Integer::sum));
        }
        return newest.values().stream().map(r -> new SeenAe(r.getCallingAe(), r.getPeerHost(), r.getStarted(),
                associations.get(r.getCallingAe()), requests.getOrDefault(r.getCallingAe(), Map.of()).entrySet()
                        .stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))))
                .toList();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
