package org.beaconpacs.archive.worklist;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import org.beaconpacs.archive.entity.index.Patient;
import org.beaconpacs.archive.entity.worklist.ScheduledStep;
import org.beaconpacs.archive.entity.worklist.WorklistItem;
import org.beaconpacs.archive.query.AttributeMatching;
import org.beaconpacs.archive.query.IndexedKeys;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;

/**
 * The candidates of a worklist query from the database, in batches by step id: the keys the tables have
 * columns for narrow them (as the index does for C-FIND, {@link IndexedKeys}); {@link AttributeMatching}
 * decides on the attributes put together again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class WorklistReader {

    /** A candidate step: its id and the item with that one step, text decoded. */
    public record Candidate(long id, Attributes attributes) {
    }

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;

    public List<Candidate> next(WorklistQuery q, long afterId, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> cq = cb.createTupleQuery();
        Root<ScheduledStep> step = cq.from(ScheduledStep.class);
        Join<ScheduledStep, WorklistItem> item = step.join("item");
        Join<WorklistItem, Patient> patient = item.join("patient");
        Attributes keys = q.keys();
        Attributes sk = q.stepKeys();
        boolean fuzzy = q.matching().fuzzyPersonNames();
        List<Predicate> p = new ArrayList<>();
        p.add(cb.greaterThan(step.get("id"), afterId));
        p.add(step.get("status").in(q.statuses()));
        IndexedKeys.text(cb, p, patient.get("patientId"), keys, Tag.PatientID);
        IndexedKeys.text(cb, p, patient.get("issuer"), keys, Tag.IssuerOfPatientID);
        IndexedKeys.text(cb, p, patient.get("sex"), keys, Tag.PatientSex);
        IndexedKeys.date(cb, p, patient.get("birthDate"), keys, Tag.PatientBirthDate);
        IndexedKeys.personName(cb, p, fuzzy ? patient.get("nameNormalized") : patient.get("name"), keys,
                Tag.PatientName, fuzzy);
        IndexedKeys.text(cb, p, item.get("accessionNumber"), keys, Tag.AccessionNumber);
        IndexedKeys.text(cb, p, item.get("requestedProcedureId"), keys, Tag.RequestedProcedureID);
        IndexedKeys.text(cb, p, item.get("studyUid"), keys, Tag.StudyInstanceUID);
        IndexedKeys.text(cb, p, step.get("stepId"), sk, Tag.ScheduledProcedureStepID);
        IndexedKeys.text(cb, p, step.get("modality"), sk, Tag.Modality);
        IndexedKeys.text(cb, p, step.get("stationName"), sk, Tag.ScheduledStationName);
        IndexedKeys.date(cb, p, step.get("startDate"), sk, Tag.ScheduledProcedureStepStartDate);
        if (fuzzy) {
            IndexedKeys.personName(cb, p, step.get("performingPhysicianNormalized"), sk,
                    Tag.ScheduledPerformingPhysicianName, true);
        }
        stations(cb, p, step.<java.util.Collection<String>>get("stationAeTitles"), sk.getStrings(Tag.ScheduledStationAETitle));
        cq.multiselect(step.get("id"), patient.get("attributes"), item.get("attributes"), step.get("attributes"))
                .where(p.toArray(Predicate[]::new)).orderBy(cb.asc(step.get("id")));
        List<Candidate> out = new ArrayList<>();
        for (Tuple t : em.createQuery(cq).setMaxResults(max).getResultList()) {
            out.add(new Candidate(t.get(0, Long.class), WorklistAttributes.of(t.get(1, byte[].class),
                    t.get(2, byte[].class), t.get(3, byte[].class))));
        }
        return out;
    }

    /** A station's query by its AE title(s): one of the step's AE titles equal to one asked for. */
    private static void stations(CriteriaBuilder cb, List<Predicate> p, Expression<java.util.Collection<String>> aes,
                                 String[] asked) {
        if (asked == null || asked.length == 0) {
            return;
        }
        List<Predicate> any = new ArrayList<>();
        for (String ae : asked) {
            if (AttributeMatching.hasWildcard(ae) || ae.equals("\"\"")) {
                return; // left to the matching
            }
            any.add(cb.isMember(ae.strip(), aes));
        }
        p.add(cb.or(any.toArray(Predicate[]::new)));
    }
}
