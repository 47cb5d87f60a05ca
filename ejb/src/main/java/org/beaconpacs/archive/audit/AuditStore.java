package org.beaconpacs.archive.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.audit.AuditMessage.ParticipantObject;
import org.beaconpacs.archive.entity.audit.AuditRecord;
import org.beaconpacs.archive.entity.config.ArchiveSetting;
import org.beaconpacs.archive.entity.index.Patient;
import org.beaconpacs.archive.entity.index.Study;

/** The audit trail's rows: written once, read by the forwarder in order and by the console by filter. */
@Stateless
@jakarta.ejb.LocalBean // as well as StudyFacts, which the drafts see
public class AuditStore implements StudyFacts {

    /** archive_setting: the id of the last record the audit repository has been sent. */
    static final String FORWARDED = "audit.forwarded";

    @jakarta.inject.Inject
    private jakarta.enterprise.event.Event<AuditLogUsed> used;
    @PersistenceContext(unitName = "beacon")
    private EntityManager em;

    /** Keeps {@code records} in their order, in one transaction of their own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void keep(List<AuditRecord> records) {
        for (AuditRecord r : records) {
            em.persist(r);
        }
    }

    /** Up to {@code max} records after {@code afterId}, oldest first. */
    public List<AuditRecord> after(long afterId, int max) {
        return em.createQuery("select r from AuditRecord r where r.id > :id order by r.id", AuditRecord.class)
                .setParameter("id", afterId).setMaxResults(max).getResultList();
    }

    /** Sends one kept record to the audit repository. */
    @FunctionalInterface
    public interface Forwarding {
        void send(AuditRecord record) throws IOException;
    }

    /**
     * Sends up to {@code max} records after the cursor through {@code forwarding} and moves the cursor past
     * those sent, holding the cursor's row meanwhile: in a cluster one node forwards at a time and the next
     * goes on where it stopped, so every node may forward what any node kept, and none sends a record twice.
     * A failure keeps what went before it (an IOException does not roll the cursor back).
     *
     * @return how many were sent
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int forward(int max, Forwarding forwarding) throws IOException {
        ArchiveSetting cursor = em.find(ArchiveSetting.class, FORWARDED, LockModeType.PESSIMISTIC_WRITE);
        long last = Long.parseLong(cursor.getValue());
        int sent = 0;
        try {
            for (AuditRecord r : after(last, max)) {
                forwarding.send(r);
                last = r.getId();
                sent++;
            }
        } finally {
            cursor.setValue(Long.toString(last));
        }
        return sent;
    }

    /** The records {@code filter} selects, newest first, one page. */
    public List<AuditEntry> search(AuditFilter filter, int offset, int limit) {
        used.fire(new AuditLogUsed());
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditRecord> q = cb.createQuery(AuditRecord.class);
        Root<AuditRecord> r = q.from(AuditRecord.class);
        q.where(where(cb, r, filter)).orderBy(cb.desc(r.get("id")));
        return em.createQuery(q).setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(AuditEntry::of).toList();
    }

    /** How many records {@code filter} selects. */
    public long count(AuditFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> q = cb.createQuery(Long.class);
        Root<AuditRecord> r = q.from(AuditRecord.class);
        return em.createQuery(q.select(cb.count(r)).where(where(cb, r, filter))).getSingleResult();
    }

    private static Predicate[] where(CriteriaBuilder cb, Root<AuditRecord> r, AuditFilter filter) {
        List<Predicate> where = new ArrayList<>();
        if (filter.user() != null) {
            where.add(cb.equal(cb.upper(r.get("requestor")), filter.user().toUpperCase(java.util.Locale.ROOT)));
        }
        if (filter.patientId() != null) {
            where.add(cb.like(r.get("patientIds"), "%\\" + escape(filter.patientId()) + "\\%", '!'));
        }
        if (filter.eventId() != null) {
            where.add(cb.equal(r.get("eventId"), filter.eventId()));
        }
        if (filter.from() != null) {
            where.add(cb.greaterThanOrEqualTo(r.get("eventTime"), filter.from()));
        }
        if (filter.to() != null) {
            where.add(cb.lessThan(r.get("eventTime"), filter.to()));
        }
        return where.toArray(Predicate[]::new);
    }

    /** One record with its message. */
    public java.util.Optional<AuditEntry> find(long id) {
        used.fire(new AuditLogUsed());
        return java.util.Optional.ofNullable(em.find(AuditRecord.class, id)).map(AuditEntry::withMessage);
    }

    /** LIKE's wildcards and our escape character taken literally. */
    private static String escape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    @Override
    public List<ParticipantObject> studiesAndPatients(Map<String, Map<String, Integer>> studies, int lifeCycle) {
        Map<String, Tuple> found = new LinkedHashMap<>();
        if (!studies.isEmpty()) {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Tuple> q = cb.createTupleQuery();
            Root<Study> st = q.from(Study.class);
            Join<Study, Patient> p = st.join("patient");
            q.multiselect(st.get("studyUid"), st.get("accessionNumber"), p.get("patientId"), p.get("name"))
                    .where(st.get("studyUid").in(studies.keySet()));
            for (Tuple t : em.createQuery(q).getResultList()) {
                found.put(t.get(0, String.class), t);
            }
        }
        List<ParticipantObject> objects = new ArrayList<>();
        Map<String, String> patients = new LinkedHashMap<>();
        studies.forEach((uid, sopClasses) -> {
            Tuple t = found.get(uid);
            String accession = t == null ? null : t.get(1, String.class);
            objects.add(ParticipantObject.study(uid, sopClasses,
                    accession == null || accession.isEmpty() ? List.of() : List.of(accession), lifeCycle));
            if (t != null && t.get(2, String.class) != null) {
                patients.putIfAbsent(t.get(2, String.class), t.get(3, String.class));
            }
        });
        patients.forEach((id, name) -> objects.add(ParticipantObject.patient(id, name)));
        return objects;
    }
}
