package org.beaconpacs.archive.index;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import org.beaconpacs.archive.entity.index.Study;

/**
 * Serialises the transactions that may create a patient: two new studies of one new patient arriving at
 * once (a modality sending several, the bench's four associations) would otherwise each find no patient
 * and each create one. A transaction holds the patient's lock from before its look-up of the patient
 * until it ends, so the next one finds the patient it committed. On PostgreSQL the lock is a
 * transaction-scoped advisory lock, which every node sharing the database sees; H2 is embedded in one
 * server, whose own stripes (256 semaphores: the transaction may end on another thread, a timeout's
 * rollback) are enough.
 */
final class PatientCreation {

    private static final Semaphore[] STRIPES = new Semaphore[256];
    /** Locks in the database's advisory-lock space: one per hash of the patient's keys. */
    private static final String ADVISORY_LOCK =
            "select 1 from pg_advisory_xact_lock(hashtext(cast(?1 as varchar)))";

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Semaphore(1);
        }
    }

    private PatientCreation() {
    }

    /** Waits for the patient's lock, held until the current transaction ends (taken once per transaction). */
    static void serialize(EntityManager em, boolean postgres, TransactionSynchronizationRegistry transaction,
                          String patientId, String issuer) {
        if (postgres) {
            // the hint: it changes no table (without one Hibernate would flush and invalidate everything)
            em.createNativeQuery(ADVISORY_LOCK).setParameter(1, "beacon patient|" + patientId + "|" + issuer)
                    .setHint(Study.QUERY_SPACES, "pg_advisory_xact_lock").getSingleResult();
            return;
        }
        serializeInThisServer(transaction, patientId, issuer);
    }

    /** The stripe of this patient, held until the current transaction ends. */
    static void serializeInThisServer(TransactionSynchronizationRegistry transaction, String patientId,
                                      String issuer) {
        Semaphore stripe = STRIPES[Objects.hash(patientId, issuer) & 0xFF];
        if (transaction.getResource(stripe) != null) {
            return; // this transaction holds it already
        }
        stripe.acquireUninterruptibly();
        try {
            transaction.putResource(stripe, Boolean.TRUE);
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    stripe.release();
                }
            });
        } catch (RuntimeException e) {
            stripe.release(); // no transaction to end it
            throw e;
        }
    }
}
