package org.beaconpacs.archive.study;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.beaconpacs.archive.entity.index.Instance;
import org.beaconpacs.archive.entity.index.Patient;
import org.beaconpacs.archive.entity.index.Series;
import org.beaconpacs.archive.entity.index.StoredObject;
import org.beaconpacs.archive.entity.index.Study;
import org.beaconpacs.archive.index.Patients;
import org.beaconpacs.archive.schema.DatabaseKind;

/** The study index as lists and deletions use it (each call one transaction). */
@Stateless
public class StudyStore {

    private static final Logger LOG = Logger.getLogger(StudyStore.class.getName());

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;
    @Resource(lookup = "java:jboss/datasources/BeaconDS")
    private DataSource dataSource;

    public Page<StudySummary> search(StudyFilter f, int offset, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Study> q = cb.createQuery(Study.class);
        Root<Study> study = q.from(Study.class);
        Join<Study, Patient> patient = study.join("patient");
        q.where(predicates(cb, q, study, patient, f));
        q.orderBy(cb.desc(study.get("studyDate")), cb.desc(study.get("studyTime")), cb.desc(study.get("id")));
        List<StudySummary> items = em.createQuery(q).setFirstResult(offset).setMaxResults(limit).getResultList()
                .stream().map(StudyStore::summary).toList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<Study> cs = count.from(Study.class);
        Join<Study, Patient> cp = cs.join("patient");
        count.select(cb.count(cs)).where(predicates(cb, count, cs, cp, f));
        return new Page<>(items, em.createQuery(count).getSingleResult(), offset, limit);
    }

    private static Predicate[] predicates(CriteriaBuilder cb, CriteriaQuery<?> q, Root<Study> study,
                                          Join<Study, Patient> patient, StudyFilter f) {
        List<Predicate> p = new ArrayList<>();
        p.add(cb.equal(study.get("status"), Study.Status.ACTIVE));
        if (present(f.patientId())) {
            p.add(cb.equal(patient.get("patientId"), f.patientId().strip()));
        }
        if (present(f.patientName())) {
            p.add(cb.like(patient.get("nameNormalized"), Wildcards.toLike(f.patientName().strip()
                    .toUpperCase(Locale.ROOT)), Wildcards.ESCAPE));
        }
        if (present(f.accessionNumber())) {
            p.add(cb.equal(study.get("accessionNumber"), f.accessionNumber().strip()));
        }
        if (present(f.fromDate())) {
            p.add(cb.greaterThanOrEqualTo(study.get("studyDate"), f.fromDate().strip()));
        }
        if (present(f.toDate())) {
            p.add(cb.lessThanOrEqualTo(study.get("studyDate"), f.toDate().strip()));
        }
        if (present(f.modality())) {
            Subquery<Long> sq = q.subquery(Long.class);
            Root<Series> series = sq.from(Series.class);
            sq.select(series.get("id")).where(cb.equal(series.get("study"), study),
                    cb.equal(series.get("modality"), f.modality().strip()));
            p.add(cb.exists(sq));
        }
        return p.toArray(Predicate[]::new);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    public StudySummary study(String studyUid) {
        return summary(study(studyUid, true));
    }

    public List<SeriesSummary> series(String studyUid) {
        return em.createNamedQuery(Series.OF_STUDY, Series.class).setParameter("study", study(studyUid, true))
                .getResultList().stream().map(s -> new SeriesSummary(s.getSeriesUid(), s.getModality(),
                        s.getSeriesNumber(), s.getDescription(), s.getBodyPart(), s.getStationName(), s.getSourceAe(),
                        s.getNumberOfInstances())).toList();
    }

    public List<InstanceSummary> instances(String seriesUid) {
        Series series = em.createNamedQuery(Series.BY_UID, Series.class).setParameter("uid", seriesUid)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("series", seriesUid));
        List<InstanceSummary> out = new ArrayList<>();
        for (Instance i : em.createNamedQuery(Instance.OF_SERIES, Instance.class).setParameter("series", series)
                .getResultList()) {
            StoredObject o = em.createNamedQuery(StoredObject.OF_INSTANCE, StoredObject.class)
                    .setParameter("instance", i).getResultStream().findFirst().orElse(null);
            out.add(new InstanceSummary(i.getSopUid(), i.getSopClassUid(), i.getInstanceNumber(),
                    o == null ? null : o.getTransferSyntax(), o == null ? 0 : o.getSize(),
                    o == null ? null : o.getDigest(), o == null ? null : o.getDigestAlgorithm(),
                    o != null && o.isDurable(), o == null ? null : o.getPath()));
        }
        return out;
    }

    /**
     * First step of a delete: the study disappears from lists and takes no more objects; returns its files
     * (storage-relative). The row lock waits for stores in flight, so that their files are in the list.
     * A delete already begun (by another request, or interrupted) is simply joined.
     */
    public List<String> markDeleting(String studyUid) {
        Study study = locked(studyUid);
        if (study == null) {
            throw new NotFoundException("study", studyUid);
        }
        study.setStatus(Study.Status.DELETING);
        em.flush(); // the status is what stores check: written before the files are listed
        return files(study);
    }

    /**
     * Makes the commits so far outlive a crash where the database writes behind: H2 writes its store
     * from a background thread, and a crash of the process loses the commits of the last moment. A
     * delete's mark must be on disk before its first file goes. PostgreSQL's commits are durable already.
     * H2 lets only an administrator checkpoint: for another user the delete goes on, with a warning.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void syncCommits() {
        try (Connection c = dataSource.getConnection()) {
            syncCommits(c);
        } catch (SQLException e) {
            warnUnsynced(e);
        }
    }

    /** The sync on {@code c}; false (with a warning) when the database refused it. */
    static boolean syncCommits(Connection c) {
        try {
            if (DatabaseKind.of(c) == DatabaseKind.H2) {
                try (Statement s = c.createStatement()) {
                    s.execute("CHECKPOINT SYNC");
                }
            }
            return true;
        } catch (SQLException e) {
            warnUnsynced(e);
            return false;
        }
    }

    private static void warnUnsynced(SQLException e) {
        LOG.warning(() -> "cannot sync the index's commits (" + e.getMessage() + "): a crash in the next "
                + "moment may bring a study being deleted back with files missing");
    }

    /** The files of a study being deleted (to resume after a crash). */
    public List<String> filesOfDeleting(String studyUid) {
        return files(study(studyUid, false));
    }

    private List<String> files(Study study) {
        return em.createNamedQuery(StoredObject.OF_STUDY, StoredObject.class).setParameter("study", study)
                .getResultList().stream().map(StoredObject::getPath).toList();
    }

    /**
     * Last step of a delete: the rows go, the patient too when it has no other study. Nothing to do when
     * a concurrent delete of the same study removed them first.
     */
    public void removeRows(String studyUid) {
        Study study = locked(studyUid);
        if (study == null) {
            return;
        }
        Patient patient = study.getPatient();
        em.createQuery("delete from StoredObject o where o.instance in "
                + "(select i from Instance i where i.series.study = :study)").setParameter("study", study).executeUpdate();
        em.createQuery("delete from Instance i where i.series in (select s from Series s where s.study = :study)")
                .setParameter("study", study).executeUpdate();
        em.createQuery("delete from Series s where s.study = :study").setParameter("study", study).executeUpdate();
        em.remove(study);
        em.flush();
        Patients.removeIfWithoutStudy(em, patient);
    }

    /** Studies, instances and bytes of the active studies: {count, instances, bytes}. */
    public long[] totals() {
        Object[] row = em.createQuery("select count(s), coalesce(sum(s.numberOfInstances), 0), "
                + "coalesce(sum(s.sizeBytes), 0) from Study s where s.status = :active", Object[].class)
                .setParameter("active", Study.Status.ACTIVE).getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue()};
    }

    /** Studies whose delete was started and not finished. */
    public List<String> deleting() {
        return em.createNamedQuery(Study.DELETING, String.class).getResultList();
    }

    /** The study, its row locked until the transaction ends; null when there is none. */
    private Study locked(String studyUid) {
        return em.createNamedQuery(Study.BY_UID_LOCKED, Study.class).setParameter("uid", studyUid)
                .getResultStream().findFirst().orElse(null);
    }

    private Study study(String studyUid, boolean activeOnly) {
        TypedQuery<Study> q = em.createNamedQuery(Study.BY_UID, Study.class).setParameter("uid", studyUid);
        Study s = q.getResultStream().findFirst().orElse(null);
        if (s == null || activeOnly && s.getStatus() != Study.Status.ACTIVE) {
            throw new NotFoundException("study", studyUid);
        }
        return s;
    }

    private static StudySummary summary(Study s) {
        Patient p = s.getPatient();
        return new StudySummary(s.getStudyUid(), p.getPatientId(), p.getName(), p.getBirthDate(), p.getSex(),
                s.getStudyDate(), s.getStudyTime(), s.getAccessionNumber(), s.getStudyId(), s.getDescription(),
                s.getModalities(), s.getNumberOfSeries(), s.getNumberOfInstances(), s.getSizeBytes(), s.getCreated());
    }

}
