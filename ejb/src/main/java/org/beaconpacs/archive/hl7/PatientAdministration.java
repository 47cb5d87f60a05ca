package org.beaconpacs.archive.hl7;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.sql.DataSource;
import org.beaconpacs.archive.entity.index.Patient;
import org.beaconpacs.archive.index.Patients;
import org.beaconpacs.archive.schema.DatabaseKind;
import org.beaconpacs.dicom.data.Attributes;

/**
 * Patient registration and update (IHE RAD-1, RAD-12) and merge (ADT^A40), on the patients the worklist
 * and the index share: a merge moves the prior patient's studies and orders to the surviving patient.
 */
@Stateless
public class PatientAdministration {

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;
    @Resource(lookup = "java:jboss/datasources/BeaconDS")
    private DataSource dataSource;
    @Resource
    private TransactionSynchronizationRegistry transaction;

    /** Registers the patient of {@code patient} or brings their demographics up to date. */
    public void update(Attributes patient) {
        Patients.register(em, postgres(), transaction, patient);
    }

    /** Whether the patient with this ID and issuer is known (registered, ordered for, or with studies). */
    public boolean known(String patientId, String issuer) {
        return !em.createNamedQuery(Patient.BY_ID, Patient.class).setParameter("patientId", patientId)
                .setParameter("issuer", issuer).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Merges the prior patient into {@code surviving} (registered or updated): their studies and worklist
     * items go to the surviving patient, and the prior patient is gone. False when the prior one is unknown.
     */
    public boolean merge(Attributes surviving, String priorId, String priorIssuer) {
        Patient prior = em.createNamedQuery(Patient.BY_ID, Patient.class).setParameter("patientId", priorId)
                .setParameter("issuer", priorIssuer).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        if (prior == null) {
            return false;
        }
        Patient target = Patients.register(em, postgres(), transaction, surviving);
        if (target.getId().equals(prior.getId())) {
            return true;
        }
        em.flush();
        em.createQuery("update Study s set s.patient = :target where s.patient = :prior")
                .setParameter("target", target).setParameter("prior", prior).executeUpdate();
        em.createQuery("update WorklistItem w set w.patient = :target where w.patient = :prior")
                .setParameter("target", target).setParameter("prior", prior).executeUpdate();
        em.remove(em.contains(prior) ? prior : em.merge(prior));
        return true;
    }

    private boolean postgres() {
        return DatabaseKind.of(dataSource) == DatabaseKind.POSTGRESQL;
    }
}
