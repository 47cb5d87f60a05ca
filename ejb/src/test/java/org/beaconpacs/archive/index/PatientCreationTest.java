package org.beaconpacs.archive.index;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** This server's serialisation of a patient's creation (H2's; PostgreSQL's is the database's own lock). */
@Timeout(30)
class PatientCreationTest {

    /** A transaction as the registry shows it; {@link #end} completes it. */
    private static class Transaction implements TransactionSynchronizationRegistry {
        private final Map<Object, Object> resources = new HashMap<>();
        private final List<Synchronization> synchronizations = new ArrayList<>();

        void end() {
            synchronizations.forEach(s -> s.afterCompletion(Status.STATUS_COMMITTED));
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }

    @Test
    void aSecondTransactionForThePatientWaitsUntilTheFirstEnds() throws Exception {
        Transaction first = new Transaction();
        PatientCreation.serializeInThisServer(first, "PC1", "ISSUER");
        PatientCreation.serializeInThisServer(first, "PC1", "ISSUER"); // again in the same one: no wait
        Transaction second = new Transaction();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(
                () -> PatientCreation.serializeInThisServer(second, "PC1", "ISSUER"));
        assertThrows(TimeoutException.class, () -> waiting.get(300, TimeUnit.MILLISECONDS), "still waiting");
        first.end();
        waiting.get(10, TimeUnit.SECONDS);
        second.end();
    }

    @Test
    void noTransactionToEndItGivesTheLockBack() throws Exception {
        Transaction none = new Transaction() {
            @Override
            public void registerInterposedSynchronization(Synchronization sync) {
                throw new IllegalStateException("no transaction");
            }
        };
        assertThrows(IllegalStateException.class, () -> PatientCreation.serializeInThisServer(none, "PC2", null));
        Transaction next = new Transaction();
        CompletableFuture<Void> taken = CompletableFuture.runAsync(
                () -> PatientCreation.serializeInThisServer(next, "PC2", null));
        taken.get(10, TimeUnit.SECONDS);
        assertFalse(taken.isCompletedExceptionally());
        next.end();
    }
}
