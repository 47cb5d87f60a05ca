package org.beaconpacs.archive.worklist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.beaconpacs.archive.entity.worklist.ScheduledStep;
import org.beaconpacs.archive.index.AttributeBlobs;
import org.beaconpacs.archive.mpps.ProcedureStepChanged;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;

/**
 * The scheduled steps follow the modality's report of what it performed (IHE SWF: RAD-6, RAD-7): STARTED
 * while the MPPS is IN PROGRESS, then COMPLETED or DISCONTINUED with it. In the MPPS's own transaction.
 */
@ApplicationScoped
public class StepProgress {

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;

    void performed(@Observes ProcedureStepChanged change) {
        ScheduledStep.Status status = switch (change.status()) {
            case IN_PROGRESS -> ScheduledStep.Status.STARTED;
            case COMPLETED -> ScheduledStep.Status.COMPLETED;
            case DISCONTINUED -> ScheduledStep.Status.DISCONTINUED;
        };
        for (var ref : change.scheduledSteps()) {
            for (ScheduledStep s : em.createQuery("select s from ScheduledStep s where s.item.studyUid = :study "
                    + "and s.stepId = :step", ScheduledStep.class).setParameter("study", ref.studyInstanceUid())
                    .setParameter("step", ref.scheduledProcedureStepId()).getResultList()) {
                s.setStatus(status);
                var item = AttributeBlobs.decode(s.getAttributes());
                item.setString(Tag.ScheduledProcedureStepStatus, VR.CS, status.name());
                s.setAttributes(AttributeBlobs.encode(item));
            }
        }
    }
}
