package org.beaconpacs.archive.index;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.archive.entity.index.Patient;
import org.beaconpacs.archive.entity.index.Study;

/**
 * Patients outside the store path: what removing a study means for its patient (a delete, a forgotten
 * object), and a patient registered by an order.
 */
public final class Patients {

    private Patients() {
    }

    /**
     * Removes {@code patient} when no study is left to them, inside the caller's transaction. The row lock
     * comes first: a store creating a new study of theirs holds it until it commits (IndexWriter), and the
     * count then sees that study, so the patient stays and neither side fails on the foreign key.
     */
    public static void removeIfWithoutStudy(EntityManager em, Patient patient) {
        em.lock(patient, LockModeType.PESSIMISTIC_WRITE);
        if (em.createQuery("select count(s) from Study s where s.patient = :p", Long.class)
                .setParameter("p", patient).getSingleResult() == 0
                && em.createQuery("select count(w) from WorklistItem w where w.patient = :p", Long.class)
                .setParameter("p", patient).getSingleResult() == 0) {
            em.remove(patient); // kept while an order of theirs is on the worklist
        }
    }

    /**
     * The patient {@code patientLevel} names by Patient ID and issuer, created if new, with the name, birth
     * date, sex and patient attributes it gives: the order of a RIS or an administrator's edit is the
     * authority on demographics (a stored object's are not: {@link IndexWriter} keeps the first). Serialised
     * with the stores that may create the same patient ({@link PatientCreation}).
     */
    public static Patient register(EntityManager em, boolean postgres, TransactionSynchronizationRegistry transaction,
                                   Attributes patientLevel) {
        String pid = patientLevel.getString(Tag.PatientID);
        String issuer = patientLevel.getString(Tag.IssuerOfPatientID);
        PatientCreation.serialize(em, postgres, transaction, pid, issuer);
        Patient p = em.createNamedQuery(Patient.BY_ID, Patient.class).setParameter("patientId", pid)
                .setParameter("issuer", issuer).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        if (p == null) {
            p = new Patient();
            p.setPatientId(pid);
            p.setIssuer(issuer);
            em.persist(p);
        }
        String name = patientLevel.getString(Tag.PatientName);
        byte[] blob = AttributeBlobs.encode(patientLevel);
        if (java.util.Arrays.equals(blob, p.getAttributes())) {
            return p; // every order of a patient names them alike: no update of an unchanged row
        }
        p.setName(name);
        p.setNameNormalized(name == null ? null : name.toUpperCase(java.util.Locale.ROOT));
        p.setBirthDate(patientLevel.getString(Tag.PatientBirthDate));
        p.setSex(patientLevel.getString(Tag.PatientSex));
        p.setAttributes(blob);
        return p;
    }
}
