package org.beaconpacs.archive.worklist;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import javax.sql.DataSource;
import org.beaconpacs.archive.entity.index.Patient;
import org.beaconpacs.archive.entity.worklist.ScheduledStep;
import org.beaconpacs.archive.entity.worklist.WorklistItem;
import org.beaconpacs.archive.index.AttributeBlobs;
import org.beaconpacs.archive.index.Patients;
import org.beaconpacs.archive.schema.DatabaseKind;
import org.beaconpacs.archive.study.NotFoundException;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;

/** Worklist items in the database, each change in one transaction with the patient it registers. */
@Stateless
public class WorklistStore {

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;
    @Resource(lookup = "java:jboss/datasources/BeaconDS")
    private DataSource dataSource;
    @Resource
    private TransactionSynchronizationRegistry transaction;
    @jakarta.inject.Inject
    private jakarta.enterprise.event.Event<WorklistChanged> changes;

    /** Persists {@code e} for its patient (registered or brought up to date); the item's id. */
    public long create(WorklistEntry e) {
        WorklistItem item = new WorklistItem();
        write(item, e);
        em.persist(item);
        em.flush();
        changed(item);
        return item.getId();
    }

    /** Replaces item {@code id} by {@code e}: its patient, its order, its steps. */
    public void update(long id, WorklistEntry e) {
        WorklistItem item = find(id);
        Patient before = item.getPatient();
        item.getSteps().clear();
        em.flush(); // the old steps go before the new ones come
        String studyBefore = item.getStudyUid();
        write(item, e);
        if (!before.getId().equals(item.getPatient().getId())) {
            Patients.removeIfWithoutStudy(em, before);
        }
        if (!studyBefore.equals(item.getStudyUid())) {
            changes.fire(new WorklistChanged(studyBefore, List.of()));
        }
        changed(item);
    }

    /** Removes item {@code id}, and its patient if nothing else is theirs. */
    public void delete(long id) {
        WorklistItem item = find(id);
        Patient patient = item.getPatient();
        changes.fire(new WorklistChanged(item.getStudyUid(), List.of()));
        em.remove(item);
        em.flush();
        Patients.removeIfWithoutStudy(em, patient);
    }

    /** Sets the status of every step of item {@code id} that is not done with yet; how many changed. */
    public int setOpenSteps(long id, ScheduledStep.Status status) {
        int changed = 0;
        for (ScheduledStep s : find(id).getSteps()) {
            if (!s.getStatus().isFinal()) {
                s.setStatus(status);
                s.setAttributes(AttributeBlobs.encode(withStatus(AttributeBlobs.decode(s.getAttributes()), status)));
                changed++;
            }
        }
        changed(find(id));
        return changed;
    }

    /** Tells the item's steps as they are now (UPS-RS shows them as workitems). */
    private void changed(WorklistItem item) {
        List<Attributes> steps = new java.util.ArrayList<>();
        for (ScheduledStep s : item.getSteps()) {
            steps.add(WorklistAttributes.of(item.getPatient().getAttributes(), item.getAttributes(), s.getAttributes()));
        }
        changes.fire(new WorklistChanged(item.getStudyUid(), steps));
    }

    /** The item with Accession Number {@code accession} (the first, if several), or null. */
    public Long byAccession(String accession) {
        return em.createQuery("select w.id from WorklistItem w where w.accessionNumber = :acc order by w.id",
                Long.class).setParameter("acc", accession).setMaxResults(1).getResultList().stream().findFirst()
                .orElse(null);
    }

    /** Item {@code id} as one data set: patient, order, and every step in the Scheduled Procedure Step Sequence. */
    public Attributes attributes(long id) {
        return WorklistAttributes.of(find(id));
    }

    /** The most recently scheduled items first, as the console and REST list them. */
    public List<WorklistSummary> recent(WorklistFilter f, int max) {
        return WorklistFilter.query(em, f).setMaxResults(max).getResultList().stream().map(WorklistSummary::of)
                .toList();
    }

    private WorklistItem find(long id) {
        WorklistItem item = em.find(WorklistItem.class, id);
        if (item == null) {
            throw new NotFoundException("worklist item", String.valueOf(id));
        }
        return item;
    }

    private void write(WorklistItem item, WorklistEntry e) {
        item.setPatient(Patients.register(em, DatabaseKind.of(dataSource) == DatabaseKind.POSTGRESQL, transaction,
                e.patient()));
        item.setAccessionNumber(e.order().getString(Tag.AccessionNumber));
        item.setRequestedProcedureId(e.order().getString(Tag.RequestedProcedureID));
        item.setStudyUid(e.order().getString(Tag.StudyInstanceUID));
        item.setAttributes(AttributeBlobs.encode(e.order()));
        for (WorklistEntry.Step s : e.steps()) {
            ScheduledStep step = new ScheduledStep();
            step.setStepId(s.stepId());
            step.setModality(s.modality());
            step.setStartDate(s.startDate());
            step.setStartTime(s.startTime());
            step.setPerformingPhysicianNormalized(s.performingPhysician());
            step.setStationName(s.stationName());
            step.setStatus(s.status());
            step.getStationAeTitles().addAll(s.stationAeTitles());
            step.setAttributes(AttributeBlobs.encode(s.item()));
            item.addStep(step);
        }
    }

    private static Attributes withStatus(Attributes step, ScheduledStep.Status status) {
        step.setString(Tag.ScheduledProcedureStepStatus, org.beaconpacs.dicom.data.VR.CS, status.name());
        return step;
    }
}
