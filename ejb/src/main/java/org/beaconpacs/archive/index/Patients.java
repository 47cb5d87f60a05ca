package org.beaconpacs.archive.index;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.beaconpacs.archive.entity.index.Patient;
import org.beaconpacs.archive.entity.index.Study;

/** What removing a study means for its patient, wherever a study is removed (a delete, a forgotten object). */
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
                .setParameter("p", patient).getSingleResult() == 0) {
            em.remove(patient);
        }
    }
}
