package org.beaconpacs.archive.query;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import org.beaconpacs.archive.entity.index.Instance;
import org.beaconpacs.archive.entity.index.Patient;
import org.beaconpacs.archive.entity.index.Series;
import org.beaconpacs.archive.entity.index.Study;
import org.beaconpacs.archive.index.AttributeBlobs;
import org.beaconpacs.archive.index.Level;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;

/**
 * Reads the candidates of a query from the index, one batch at a time in a short read transaction (a
 * slow requestor never holds a transaction or a connection open between batches): the rows that the
 * indexed columns let through ({@link IndexedKeys}), after a given row id, in id order, each with the
 * stored attributes of its level and the levels above and the computed attributes the query asks for.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class MatchReader {

    /** A candidate: its row id and its attributes, text decoded (no character set needed to read them). */
    public record Candidate(long id, Attributes attributes) {
    }

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;

    /** At most {@code max} candidates of {@code q} with a row id above {@code afterId}. */
    public List<Candidate> next(FindQuery q, long afterId, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> cq = cb.createTupleQuery();
        List<Predicate> where = new ArrayList<>();
        From<?, ?> root;
        From<?, ?> patient;
        From<?, ?> study = null;
        From<?, ?> series = null;
        switch (q.level()) {
            case PATIENT -> {
                root = patient = cq.from(Patient.class);
                Subquery<Long> active = cq.subquery(Long.class);
                Root<Study> s = active.from(Study.class);
                active.select(s.get("id")).where(cb.equal(s.get("patient"), patient),
                        cb.equal(s.get("status"), Study.Status.ACTIVE));
                where.add(cb.exists(active));
            }
            case STUDY -> {
                Root<Study> s = cq.from(Study.class);
                root = study = s;
                patient = s.join("patient");
            }
            case SERIES -> {
                Root<Series> se = cq.from(Series.class);
                root = series = se;
                study = se.join("study");
                patient = study.join("patient");
            }
            default -> {
                Root<Instance> i = cq.from(Instance.class);
                root = i;
                series = i.join("series");
                study = series.join("study");
                patient = study.join("patient");
            }
        }
        if (study != null) {
            where.add(cb.equal(study.get("status"), Study.Status.ACTIVE));
        }
        where.add(cb.greaterThan(root.get("id"), afterId));
        where.addAll(IndexedKeys.predicates(cb, cq, q, patient, study, series, root));
        java.util.Set<Level> needed = levelsOf(q.keys());
        if (q.allAttributes()) {
            needed.add(q.level() == Level.STUDY ? Level.PATIENT : q.level());
            needed.add(q.level()); // every stored attribute of the level (QIDO-RS includefield=all)
        }
        Columns c = new Columns();
        c.add("id", root.get("id"));
        c.add("patientId", patient.get("id"));
        if (needed.contains(Level.PATIENT)) {
            c.add("patient", patient.get("attributes"));
        }
        if (study != null) {
            if (needed.contains(Level.STUDY)) {
                c.add("study", study.get("attributes"));
            }
            c.add("studyId", study.get("id"));
            c.add("studySeries", study.get("numberOfSeries"));
            c.add("studyInstances", study.get("numberOfInstances"));
            c.add("modalities", study.get("modalities"));
        }
        if (series != null) {
            if (needed.contains(Level.SERIES)) {
                c.add("series", series.get("attributes"));
            }
            c.add("seriesInstances", series.get("numberOfInstances"));
        }
        if (q.level() == Level.INSTANCE && needed.contains(Level.INSTANCE)) {
            c.add("instance", root.get("attributes"));
        }
        cq.multiselect(c.selections).where(where.toArray(Predicate[]::new)).orderBy(cb.asc(root.get("id")));
        List<Candidate> out = new ArrayList<>();
        for (Tuple tuple : em.createQuery(cq).setMaxResults(max).getResultList()) {
            Row t = new Row(tuple, c.index);
            // only the stored attributes of the levels the keys ask about are read and decoded
            List<Attributes> levels = new ArrayList<>(4);
            for (String blob : new String[] {"patient", "study", "series", "instance"}) {
                if (t.has(blob)) {
                    levels.add(AttributeBlobs.decode(t.get(blob, byte[].class)));
                }
            }
            Attributes a = Texts.keysOf(q.keys(), levels);
            if (q.allAttributes() && !levels.isEmpty()) {
                Attributes own = levels.get(levels.size() - 1); // the query level's, the last read
                a.addMissing(Texts.decoded(own));
                if (q.level() == Level.STUDY && levels.size() > 1) {
                    a.addMissing(Texts.decoded(levels.get(0))); // a study's patient
                }
            }
            addComputed(q, t, a);
            out.add(new Candidate(t.get("id", Long.class), a));
        }
        return out;
    }

    /** The attributes of PS3.4 C.6.1.1.x and C.6.2.1.x the index computes, where the query asks for them. */
    private void addComputed(FindQuery q, Row t, Attributes a) {
        Attributes keys = q.keys();
        if (keys.contains(Tag.NumberOfPatientRelatedStudies) || keys.contains(Tag.NumberOfPatientRelatedSeries)
                || keys.contains(Tag.NumberOfPatientRelatedInstances)) {
            Object[] n = em.createNamedQuery(Study.PATIENT_COUNTS, Object[].class)
                    .setParameter("patient", t.get("patientId", Long.class)).getSingleResult();
            a.setInt(Tag.NumberOfPatientRelatedStudies, VR.IS, number(n[0]));
            a.setInt(Tag.NumberOfPatientRelatedSeries, VR.IS, number(n[1]));
            a.setInt(Tag.NumberOfPatientRelatedInstances, VR.IS, number(n[2]));
        }
        if (q.level() == Level.PATIENT) {
            return;
        }
        if (q.level() == Level.STUDY) {
            a.setInt(Tag.NumberOfStudyRelatedSeries, VR.IS, t.get("studySeries", Integer.class));
            a.setInt(Tag.NumberOfStudyRelatedInstances, VR.IS, t.get("studyInstances", Integer.class));
            String modalities = t.get("modalities", String.class);
            a.setString(Tag.ModalitiesInStudy, VR.CS, modalities == null || modalities.isEmpty()
                    ? new String[0] : modalities.split("\\\\"));
            if (keys.contains(Tag.SOPClassesInStudy)) {
                a.setString(Tag.SOPClassesInStudy, VR.UI, em.createNamedQuery(Instance.SOP_CLASSES_OF_STUDY,
                        String.class).setParameter("study", t.get("studyId", Long.class)).getResultList()
                        .toArray(String[]::new));
            }
        }
        if (q.level() == Level.SERIES) {
            a.setInt(Tag.NumberOfSeriesRelatedInstances, VR.IS, t.get("seriesInstances", Integer.class));
        }
    }

    /** The selected columns by name; a path selected twice (the root is also the study) is selected once. */
    private static final class Columns {
        final List<jakarta.persistence.criteria.Selection<?>> selections = new ArrayList<>();
        final java.util.Map<String, Integer> index = new java.util.HashMap<>();

        void add(String name, jakarta.persistence.criteria.Expression<?> e) {
            int at = selections.indexOf(e);
            if (at < 0) {
                at = selections.size();
                selections.add(e);
            }
            index.put(name, at);
        }
    }

    private record Row(Tuple tuple, java.util.Map<String, Integer> index) {
        <T> T get(String name, Class<T> type) {
            return tuple.get(index.get(name), type);
        }

        boolean has(String name) {
            return index.containsKey(name);
        }
    }

    /** The levels whose stored attributes hold the identifier's keys (PS3.3 modules by level, see Level). */
    private static java.util.Set<Level> levelsOf(Attributes keys) {
        java.util.Set<Level> levels = java.util.EnumSet.noneOf(Level.class);
        for (int i = 0; i < keys.size(); i++) {
            if (AttributeMatching.isMatchingKey(keys.tagAt(i))) {
                levels.add(Level.of(keys.tagAt(i)));
            }
        }
        return levels;
    }

    private static int number(Object n) {
        return n == null ? 0 : ((Number) n).intValue();
    }
}
