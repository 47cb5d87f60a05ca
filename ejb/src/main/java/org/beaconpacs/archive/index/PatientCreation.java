package org.beaconpacs.archive.index;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * Serialises, within this server, the transactions that may create a patient: two new studies of one new
 * patient arriving at once (a modality sending several, the bench's four associations) would otherwise
 * each find no patient and each create one. Striped (256); a transaction holds its stripe from before
 * its look-up of the patient until it ends, so the next one finds the patient it committed. Semaphores,
 * not locks: the transaction may end on another thread (a timeout's rollback).
 */
final class PatientCreation {

    private static final Semaphore[] STRIPES = new Semaphore[256];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Semaphore(1);
        }
    }

    private PatientCreation() {
    }

    /** Waits for the stripe of this patient, held until the current transaction ends (once per transaction). */
    static void serialize(TransactionSynchronizationRegistry transaction, String patientId, String issuer) {
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
