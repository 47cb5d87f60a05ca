package org.beaconpacs.archive.index;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import org.beaconpacs.archive.entity.index.Instance;
import org.beaconpacs.archive.entity.index.Patient;
import org.beaconpacs.archive.entity.index.Series;
import org.beaconpacs.archive.entity.index.StoredObject;
import org.beaconpacs.archive.schema.DatabaseKind;
import org.beaconpacs.archive.entity.index.Study;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;

/**
 * Puts one received object into the index, in one transaction: patient, study and series found or
 * created, instance and stored object created, counters moved under the study's row lock (no global
 * lock). The caller serialises calls for the same study within this server (see StudyLocks); the row
 * lock and the unique keys keep a cluster right.
 */
@Stateless
public class IndexWriter {

    private static final Logger LOG = Logger.getLogger(IndexWriter.class.getName());

    /** A new instance indexed without conflicts. */
    private static final IndexResult STORED = new IndexResult(IndexResult.Outcome.STORED, null, null, List.of());

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;
    @jakarta.inject.Inject
    private RecentSeries recent;
    @jakarta.annotation.Resource(lookup = "java:jboss/datasources/BeaconDS")
    private javax.sql.DataSource dataSource;
    @jakarta.annotation.Resource
    private jakarta.transaction.TransactionSynchronizationRegistry transaction;

    /**
     * Looks for the instance and indexes it, in one transaction: the store path's single call into the
     * index (the caller holds the study's lock and has put the file at {@code rq.path()} already, before
     * the transaction: no file operation runs while it holds the database's locks). A resend with the same
     * digest, or with another digest when {@code replace} is false, is not indexed again; its outcome says
     * which, with the path of the file indexed. A study being deleted takes nothing, not even a resend:
     * StudyBeingDeletedException.
     */
    public IndexResult store(IndexRequest rq, boolean replace) {
        RecentSeries.Known known = fittingHint(rq.dataset());
        if (known != null) {
            IndexResult stored = isPostgres() ? storeIntoRecentSeriesInOneStatement(rq, known)
                    : storeIntoRecentSeries(rq, known);
            if (stored != null) {
                return stored;
            }
        }
        relaxCommitDurability();
        List<Object[]> rows = em.createNamedQuery(StoredObject.BY_SOP_UID, Object[].class)
                .setParameter("uid", rq.dataset().getString(Tag.SOPInstanceUID)).setMaxResults(1).getResultList();
        boolean exists = !rows.isEmpty();
        if (exists) {
            refuseIfDeleting((Study.Status) rows.get(0)[2], (String) rows.get(0)[3]);
            String path = (String) rows.get(0)[0];
            if (rows.get(0)[1].equals(rq.digest().get())) {
                return new IndexResult(IndexResult.Outcome.SAME_CONTENT, path, null, List.of());
            }
            if (!replace) {
                return new IndexResult(IndexResult.Outcome.OTHER_CONTENT_KEPT, path, null, List.of());
            }
        }
        return indexInTransaction(rq, replace, !exists);
    }

    /**
     * Indexes {@code rq}. An instance already indexed with the same digest is left alone; with another
     * digest it is kept or replaced as {@code replace} says; into a study being deleted, nothing goes
     * (StudyBeingDeletedException).
     */
    public IndexResult index(IndexRequest rq, boolean replace) {
        return index(rq, replace, false);
    }

    /**
     * Like {@link #index(IndexRequest, boolean)}; {@code knownNew}: the caller, holding the study's lock,
     * has just seen that the instance is not indexed, so the lookup is not repeated.
     */
    public IndexResult index(IndexRequest rq, boolean replace, boolean knownNew) {
        relaxCommitDurability();
        return indexInTransaction(rq, replace, knownNew);
    }

    private IndexResult indexInTransaction(IndexRequest rq, boolean replace, boolean knownNew) {
        Attributes ds = rq.dataset();
        String sopUid = ds.getString(Tag.SOPInstanceUID);
        if (!knownNew) {
            Instance existing = single(em.createNamedQuery(Instance.BY_UID, Instance.class)
                    .setParameter("uid", sopUid));
            if (existing != null) {
                Study study = existing.getSeries().getStudy();
                refuseIfDeleting(study.getStatus(), study.getStudyUid());
                return resend(existing, rq, replace);
            }
        }
        String seriesUid = ds.getString(Tag.SeriesInstanceUID);
        RecentSeries.Known known = fittingHint(ds);
        if (known != null && counted(seriesUid, known, rq.size())) {
            // a series stored into lately: two counter updates and two inserts, no row read
            return persistInto(known, sopUid, rq);
        }
        Map<Level, Attributes> levels = AttributeBlobs.split(ds);
        List<String> conflicts = new ArrayList<>();
        Study study = study(ds, levels, conflicts);
        Series series = single(em.createNamedQuery(Series.BY_UID, Series.class).setParameter("uid", seriesUid));
        if (series == null) {
            series = new Series();
            series.setStudy(study);
            series.setSeriesUid(ds.getString(Tag.SeriesInstanceUID));
            series.setModality(ds.getString(Tag.Modality));
            series.setSeriesNumber(integer(ds, Tag.SeriesNumber));
            series.setDescription(ds.getString(Tag.SeriesDescription));
            series.setBodyPart(ds.getString(Tag.BodyPartExamined));
            series.setStationName(ds.getString(Tag.StationName));
            series.setSourceAe(rq.sourceAe());
            series.setAttributes(AttributeBlobs.encode(levels.get(Level.SERIES)));
            em.persist(series);
            study.addSeries(series.getModality());
        } else if (!series.getStudy().getId().equals(study.getId())) {
            conflicts.add("series " + series.getSeriesUid() + " belongs to study " + series.getStudy().getStudyUid()
                    + ", not to " + study.getStudyUid() + ": kept in its first study");
        }
        series.addInstance();
        study.addInstance(rq.size());
        persist(series, sopUid, ds, levels.get(Level.INSTANCE), rq);
        if (conflicts.isEmpty()) {
            Patient p = study.getPatient();
            recent.remember(seriesUid, new RecentSeries.Known(series.getId(), study.getId(), study.getStudyUid(),
                    p.getPatientId(), p.getName()));
        } else {
            recent.forget(seriesUid);
        }
        conflicts.forEach(c -> LOG.warning(() -> "instance " + sopUid + ": " + c));
        return new IndexResult(IndexResult.Outcome.STORED, null, null, List.copyOf(conflicts));
    }

    /**
     * The short path of a store (most of a modality's traffic): a new instance of a series stored into
     * lately, counted in its study by the statement that also finds it new, then its series counted and
     * its rows inserted, nothing else read. Null, with nothing changed, when that statement
     * finds a resend or no active study: the caller then looks the instance up.
     */
    private IndexResult storeIntoRecentSeries(IndexRequest rq, RecentSeries.Known known) {
        Attributes ds = rq.dataset();
        String seriesUid = ds.getString(Tag.SeriesInstanceUID);
        String sopUid = ds.getString(Tag.SOPInstanceUID);
        Instant now = Instant.now();
        if (em.createNamedQuery(Study.COUNT_NEW_INSTANCE).setParameter(1, rq.size()).setParameter(2, now)
                .setParameter(3, known.studyId()).setParameter(4, sopUid).executeUpdate() == 0) {
            return null;
        }
        if (!countedInSeries(seriesUid, known, rq.size(), now)) {
            return indexInTransaction(rq, false, true); // the full path creates the series again
        }
        return persistInto(known, sopUid, rq);
    }

    /**
     * The short path on PostgreSQL: the same counts and rows in one statement (RecentSeriesStatement), one
     * round trip before the commit. Null, with nothing changed, when the statement finds a resend or no
     * active study.
     */
    private IndexResult storeIntoRecentSeriesInOneStatement(IndexRequest rq, RecentSeries.Known known) {
        Instant now = Instant.now();
        switch (RecentSeriesStatement.execute(em, known, rq, rq.path(), now)) {
            case NOT_NEW:
                return null;
            case SERIES_GONE:
                uncount(rq.dataset().getString(Tag.SeriesInstanceUID), known, rq.size(), now);
                return indexInTransaction(rq, false, true);
            default:
                return STORED;
        }
    }

    /**
     * Counts one more instance in a series known from an earlier store, study first (the order of the full
     * path, so the two cannot deadlock); false, with nothing changed, when either row is gone or the study
     * is being deleted: the caller then takes the full path.
     */
    private boolean counted(String seriesUid, RecentSeries.Known known, long size) {
        Instant now = Instant.now();
        if (updateStudy(known.studyId(), 1, size, now) == 0) {
            recent.forget(seriesUid);
            return false;
        }
        return countedInSeries(seriesUid, known, size, now);
    }

    /**
     * Counts the instance already counted in its study in its series too; false when the series went while
     * its study stayed: the study's count is put back and the hint forgotten.
     */
    private boolean countedInSeries(String seriesUid, RecentSeries.Known known, long size, Instant now) {
        if (em.createNamedQuery(Series.COUNT_INSTANCE).setParameter(1, now).setParameter(2, known.seriesId())
                .executeUpdate() == 0) {
            uncount(seriesUid, known, size, now);
            return false;
        }
        return true;
    }

    /** The series of a hint went while its study stayed: the study's count put back, the hint forgotten. */
    private void uncount(String seriesUid, RecentSeries.Known known, long size, Instant now) {
        updateStudy(known.studyId(), -1, -size, now);
        recent.forget(seriesUid);
    }

    /** A study whose delete has begun takes nothing: the delete listed its files when it began. */
    private static void refuseIfDeleting(Study.Status status, String studyUid) {
        if (status == Study.Status.DELETING) {
            throw new StudyBeingDeletedException(studyUid);
        }
    }

    /** What this server knows of the instance's series, if the instance fits it (nothing to note). */
    private RecentSeries.Known fittingHint(Attributes ds) {
        RecentSeries.Known known = recent.get(ds.getString(Tag.SeriesInstanceUID));
        return known != null && known.fits(ds.getString(Tag.StudyInstanceUID), ds.getString(Tag.PatientID),
                ds.getString(Tag.PatientName)) ? known : null;
    }

    /** The rows of a new instance of a series known from an earlier store, whose counters are moved. */
    private IndexResult persistInto(RecentSeries.Known known, String sopUid, IndexRequest rq) {
        Attributes ds = rq.dataset();
        Instant now = Instant.now();
        em.createNamedQuery(Instance.INSERT).setParameter(1, known.seriesId()).setParameter(2, sopUid)
                .setParameter(3, ds.getString(Tag.SOPClassUID)).setParameter(4, integer(ds, Tag.InstanceNumber))
                .setParameter(5, AttributeBlobs.encode(AttributeBlobs.level(ds, Level.INSTANCE)))
                .setParameter(6, now).executeUpdate();
        em.createNamedQuery(StoredObject.INSERT).setParameter(1, sopUid).setParameter(2, rq.path())
                .setParameter(3, rq.size()).setParameter(4, rq.digest().get()).setParameter(5, rq.digestAlgorithm())
                .setParameter(6, rq.transferSyntax()).setParameter(7, rq.durable()).setParameter(8, rq.sourceAe())
                .setParameter(9, rq.associationSerial()).setParameter(10, now).executeUpdate();
        return STORED;
    }

    private int updateStudy(long id, int instances, long bytes, Instant now) {
        return em.createNamedQuery(Study.COUNT_INSTANCE).setParameter(1, instances).setParameter(2, bytes)
                .setParameter(3, now).setParameter(4, id).executeUpdate();
    }

    private void persist(Series series, String sopUid, Attributes ds, Attributes instanceLevel, IndexRequest rq) {
        Instance instance = new Instance();
        instance.setSeries(series);
        instance.setSopUid(sopUid);
        instance.setSopClassUid(ds.getString(Tag.SOPClassUID));
        instance.setInstanceNumber(integer(ds, Tag.InstanceNumber));
        instance.setAttributes(AttributeBlobs.encode(instanceLevel));
        em.persist(instance);
        em.persist(storedObject(instance, rq));
    }

    /** Removes an instance and its stored object from the index, with the counters (and emptied levels). */
    public void forget(String sopUid) {
        Instance instance = single(em.createNamedQuery(Instance.BY_UID, Instance.class).setParameter("uid", sopUid));
        if (instance == null) {
            return;
        }
        Series series = instance.getSeries();
        Study study = em.find(Study.class, series.getStudy().getId(), LockModeType.PESSIMISTIC_WRITE);
        StoredObject stored = single(em.createNamedQuery(StoredObject.OF_INSTANCE, StoredObject.class)
                .setParameter("instance", instance));
        if (stored != null) {
            study.resize(-stored.getSize());
            em.remove(stored);
        }
        em.remove(instance);
        series.removeInstance();
        study.removeInstance();
        if (series.getNumberOfInstances() == 0) {
            em.remove(series);
            study.removeSeries();
        }
        if (study.getNumberOfInstances() == 0) {
            Patient patient = study.getPatient();
            em.remove(study);
            em.flush();
            Patients.removeIfWithoutStudy(em, patient);
        }
    }

    private IndexResult resend(Instance existing, IndexRequest rq, boolean replace) {
        StoredObject stored = single(em.createNamedQuery(StoredObject.OF_INSTANCE, StoredObject.class)
                .setParameter("instance", existing));
        if (stored != null && stored.getDigest().equals(rq.digest().get())
                && stored.getDigestAlgorithm().equals(rq.digestAlgorithm())) {
            return new IndexResult(IndexResult.Outcome.SAME_CONTENT, stored.getPath(), null, List.of());
        }
        if (!replace && stored != null) {
            return new IndexResult(IndexResult.Outcome.OTHER_CONTENT_KEPT, stored.getPath(), null, List.of());
        }
        Study study = em.find(Study.class, existing.getSeries().getStudy().getId(), LockModeType.PESSIMISTIC_WRITE);
        existing.setAttributes(AttributeBlobs.encode(AttributeBlobs.split(rq.dataset()).get(Level.INSTANCE)));
        existing.setInstanceNumber(integer(rq.dataset(), Tag.InstanceNumber));
        String old = null;
        if (stored == null) {
            em.persist(storedObject(existing, rq));
            study.resize(rq.size());
        } else {
            old = stored.getPath();
            study.resize(rq.size() - stored.getSize());
            stored.setPath(rq.path());
            stored.setSize(rq.size());
            stored.setDigest(rq.digest().get());
            stored.setDigestAlgorithm(rq.digestAlgorithm());
            stored.setTransferSyntax(rq.transferSyntax());
            stored.setDurable(rq.durable());
            stored.setSourceAe(rq.sourceAe());
            stored.setAssociationSerial(rq.associationSerial());
        }
        return new IndexResult(IndexResult.Outcome.OTHER_CONTENT_REPLACED, rq.path(), old, List.of());
    }

    /** The study, created with its patient if new, locked for its counters; differing patient data noted. */
    private Study study(Attributes ds, Map<Level, Attributes> levels, List<String> conflicts) {
        String studyUid = ds.getString(Tag.StudyInstanceUID);
        // one statement: found and locked for its counters (the study UID is unique)
        Study study = em.createNamedQuery(Study.BY_UID_LOCKED, Study.class).setParameter("uid", studyUid)
                .getResultStream().findFirst().orElse(null);
        if (study != null) {
            refuseIfDeleting(study.getStatus(), studyUid);
            Patient p = study.getPatient();
            if (!Objects.equals(p.getPatientId(), ds.getString(Tag.PatientID))
                    || !Objects.equals(p.getName(), ds.getString(Tag.PatientName))) {
                conflicts.add("study " + studyUid + " arrived with patient " + ds.getString(Tag.PatientID) + " \""
                        + ds.getString(Tag.PatientName) + "\" but belongs to " + p.getPatientId() + " \""
                        + p.getName() + "\": the first wins");
            }
            return study;
        }
        study = new Study();
        study.setPatient(patient(ds, levels.get(Level.PATIENT), conflicts));
        study.setStudyUid(studyUid);
        study.setStudyDate(ds.getString(Tag.StudyDate));
        study.setStudyTime(ds.getString(Tag.StudyTime));
        study.setAccessionNumber(ds.getString(Tag.AccessionNumber));
        study.setStudyId(ds.getString(Tag.StudyID));
        study.setReferringPhysician(ds.getString(Tag.ReferringPhysicianName));
        study.setDescription(ds.getString(Tag.StudyDescription));
        study.setAttributes(AttributeBlobs.encode(levels.get(Level.STUDY)));
        em.persist(study);
        return study;
    }

    private Patient patient(Attributes ds, Attributes patientLevel, List<String> conflicts) {
        String pid = ds.getString(Tag.PatientID);
        String issuer = ds.getString(Tag.IssuerOfPatientID);
        String name = ds.getString(Tag.PatientName);
        if (pid != null && !pid.isEmpty()) {
            PatientCreation.serialize(em, isPostgres(), transaction, pid, issuer); // one creation of them at a time
            // locked until this new study of theirs commits: a delete of the patient's last other study waits
            // for it and keeps the patient; a delete that came first has removed the row, which is not found
            Patient known = single(em.createNamedQuery(Patient.BY_ID, Patient.class).setParameter("patientId", pid)
                    .setParameter("issuer", issuer).setLockMode(LockModeType.PESSIMISTIC_READ));
            if (known != null) {
                if (!Objects.equals(known.getName(), name)) {
                    conflicts.add("patient " + pid + " arrived as \"" + name + "\" but is known as \""
                            + known.getName() + "\": nothing updated");
                }
                return known;
            }
        }
        Patient p = new Patient();
        p.setPatientId(pid);
        p.setIssuer(issuer);
        p.setName(name);
        p.setNameNormalized(name == null ? null : name.toUpperCase(Locale.ROOT));
        p.setBirthDate(ds.getString(Tag.PatientBirthDate));
        p.setSex(ds.getString(Tag.PatientSex));
        p.setAttributes(AttributeBlobs.encode(patientLevel));
        em.persist(p);
        return p;
    }

    private static StoredObject storedObject(Instance instance, IndexRequest rq) {
        StoredObject o = new StoredObject();
        o.setInstance(instance);
        o.setPath(rq.path());
        o.setSize(rq.size());
        o.setDigest(rq.digest().get());
        o.setDigestAlgorithm(rq.digestAlgorithm());
        o.setTransferSyntax(rq.transferSyntax());
        o.setDurable(rq.durable());
        o.setSourceAe(rq.sourceAe());
        o.setAssociationSerial(rq.associationSerial());
        return o;
    }

    /**
     * The stored files are the source of truth and recovery re-indexes the latest ones after a crash
     * (StorageRecovery), so on PostgreSQL an index commit need not wait for its WAL flush: that would
     * be a second fsync per object.
     */
    private void relaxCommitDurability() {
        if (isPostgres()) {
            // the hint: it changes no table (without one Hibernate would empty every second-level cache region)
            em.createNativeQuery("set local synchronous_commit to off")
                    .setHint(Study.QUERY_SPACES, "synchronous_commit").executeUpdate();
        }
    }

    /** Whether the index lives in PostgreSQL. */
    private boolean isPostgres() {
        return DatabaseKind.of(dataSource) == DatabaseKind.POSTGRESQL;
    }

    /** An integer attribute's value, null when absent (a nullable column). */
    static Integer integer(Attributes ds, int tag) {
        int v = ds.getInt(tag, Integer.MIN_VALUE);
        return v == Integer.MIN_VALUE ? null : v;
    }

    private static <T> T single(jakarta.persistence.TypedQuery<T> q) {
        return q.setMaxResults(1).getResultStream().findFirst().orElse(null);
    }
}
