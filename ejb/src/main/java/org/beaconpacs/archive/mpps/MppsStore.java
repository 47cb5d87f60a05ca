package org.beaconpacs.archive.mpps;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.beaconpacs.archive.entity.mpps.PerformedProcedureStep;
import org.beaconpacs.archive.index.AttributeBlobs;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.dict.Tag;

/**
 * Performed Procedure Steps in the database: an N-CREATE or N-SET is one transaction, with the scheduled
 * steps it moves ({@link ProcedureStepChanged}, observed inside it); a refusal changes nothing.
 */
@Stateless
public class MppsStore {

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;
    @Inject
    private Event<ProcedureStepChanged> changed;

    /** Persists a new instance {@code uid} with attributes {@code a} (checked by the caller). */
    public void create(String uid, Attributes a) throws MppsRefused {
        if (find(uid, false) != null) {
            throw new MppsRefused(MppsRules.DUPLICATE_SOP_INSTANCE, "MPPS " + uid + " exists already", null);
        }
        PerformedProcedureStep m = new PerformedProcedureStep();
        m.setSopInstanceUid(uid);
        m.setPerformedStationAe(a.getString(Tag.PerformedStationAETitle));
        m.setModality(a.getString(Tag.Modality));
        m.setPatientId(a.getString(Tag.PatientID));
        m.setStartDate(a.getString(Tag.PerformedProcedureStepStartDate));
        m.setStartTime(a.getString(Tag.PerformedProcedureStepStartTime));
        Attributes first = a.getSequence(Tag.ScheduledStepAttributesSequence).get(0);
        m.setStudyUid(first.getString(Tag.StudyInstanceUID));
        m.setStepId(first.getString(Tag.ScheduledProcedureStepID));
        m.setAccessionNumber(first.getString(Tag.AccessionNumber));
        write(m, a, PerformedProcedureStep.Status.IN_PROGRESS);
        em.persist(m);
        changed.fire(new ProcedureStepChanged(uid, m.getStatus(), scheduledSteps(a)));
    }

    /**
     * Applies {@code modifications} to instance {@code uid}: refused when there is none (0x0112), when it is
     * completed or discontinued already (0x0110, A710), or when the result is not a valid state.
     */
    public void set(String uid, Attributes modifications) throws MppsRefused {
        PerformedProcedureStep m = find(uid, true);
        if (m == null) {
            throw new MppsRefused(MppsRules.NO_SUCH_SOP_INSTANCE, "no MPPS " + uid, null);
        }
        if (m.getStatus() != PerformedProcedureStep.Status.IN_PROGRESS) {
            throw new MppsRefused(MppsRules.PROCESSING_FAILURE,
                    "Performed Procedure Step Object may no longer be updated", MppsRules.NO_LONGER_UPDATABLE);
        }
        Attributes a = AttributeBlobs.decode(m.getAttributes());
        for (int i = 0; i < modifications.size(); i++) {
            int tag = modifications.tagAt(i);
            if ((tag >>> 16) > 2 && Arrays.stream(MppsRules.NOT_SETTABLE).noneMatch(t -> t == tag)) {
                a.setValue(tag, modifications.vrAt(i), modifications.valueAt(i));
            }
        }
        PerformedProcedureStep.Status status = MppsRules.checkSet(a);
        write(m, a, status);
        changed.fire(new ProcedureStepChanged(uid, status, scheduledSteps(a)));
    }

    /** The instance {@code uid} as its data set, or null. */
    public Attributes attributes(String uid) {
        PerformedProcedureStep m = find(uid, false);
        return m == null ? null : AttributeBlobs.decode(m.getAttributes());
    }

    /** The steps performed for a study, oldest first, each with how many of its series the index holds. */
    public List<MppsSummary> forStudy(String studyUid) {
        List<MppsSummary> out = new ArrayList<>();
        for (PerformedProcedureStep m : em.createNamedQuery(PerformedProcedureStep.BY_STUDY,
                PerformedProcedureStep.class).setParameter("study", studyUid).getResultList()) {
            long arrived = m.getSeriesUids().isEmpty() ? 0 : em.createQuery(
                    "select count(s) from Series s where s.seriesUid in :uids", Long.class)
                    .setParameter("uids", m.getSeriesUids()).getSingleResult();
            out.add(MppsSummary.of(m, AttributeBlobs.decode(m.getAttributes()), (int) arrived));
        }
        return out;
    }

    private PerformedProcedureStep find(String uid, boolean lock) {
        var q = em.createNamedQuery(PerformedProcedureStep.BY_UID, PerformedProcedureStep.class)
                .setParameter("uid", uid);
        if (lock) {
            q.setLockMode(LockModeType.PESSIMISTIC_WRITE); // two N-SETs of one step: one after the other
        }
        return q.getResultList().stream().findFirst().orElse(null);
    }

    private static void write(PerformedProcedureStep m, Attributes a, PerformedProcedureStep.Status status) {
        m.setStatus(status);
        m.setAttributes(AttributeBlobs.encode(a));
        m.getSeriesUids().clear();
        Sequence series = a.getSequence(Tag.PerformedSeriesSequence);
        for (int i = 0; series != null && i < series.size(); i++) {
            String uid = series.get(i).getString(Tag.SeriesInstanceUID);
            if (uid != null) {
                m.getSeriesUids().add(uid);
            }
        }
    }

    private static List<ProcedureStepChanged.ScheduledStepRef> scheduledSteps(Attributes a) {
        List<ProcedureStepChanged.ScheduledStepRef> refs = new ArrayList<>();
        Sequence ssa = a.getSequence(Tag.ScheduledStepAttributesSequence);
        for (int i = 0; ssa != null && i < ssa.size(); i++) {
            Attributes item = ssa.get(i);
            String study = item.getString(Tag.StudyInstanceUID);
            String step = item.getString(Tag.ScheduledProcedureStepID);
            if (study != null && step != null) { // an unscheduled step performs none
                refs.add(new ProcedureStepChanged.ScheduledStepRef(study, step));
            }
        }
        return refs;
    }
}
