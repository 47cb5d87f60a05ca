package org.beaconpacs.archive.commitment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beaconpacs.archive.storage.ObjectReceiver;

/**
 * Decides one instance of a storage commitment request (PS3.4 J.3.3.1.1): committed, failed with its
 * Failure Reason (PS3.3 C.14.1.1), or not yet decided while the archive may still wait (an object sent
 * after the request, a file the deferred flusher has not yet made durable).
 */
final class InstanceCheck {

    static final int PROCESSING_FAILURE = 0x0110;
    static final int NO_SUCH_OBJECT_INSTANCE = 0x0112;
    static final int CLASS_INSTANCE_CONFLICT = 0x0119;
    static final int DUPLICATE_TRANSACTION_UID = 0x0131;

    /** What the index holds of an instance: its class and its file. */
    record Stored(String sopClassUid, String path, String digest, String digestAlgorithm, boolean durable) {
    }

    /** A decision: failureReason is null when committed; pending when undecided (then the reason waits). */
    record Decision(boolean pending, Integer failureReason, String why) {
        static final Decision COMMITTED = new Decision(false, null, null);

        static Decision failed(int reason, String why) {
            return new Decision(false, reason, why);
        }

        static Decision pending(String why) {
            return new Decision(true, null, why);
        }

        boolean committed() {
            return !pending && failureReason == null;
        }
    }

    private InstanceCheck() {
    }

    /**
     * @param stored the index's entry, null if the instance is not indexed (or its study is being deleted)
     * @param root the storage root the entry's path is relative to
     * @param mayWait true while the request's waiting time lasts
     */
    static Decision check(String sopClassUid, Stored stored, Path root, CommitmentPolicy policy, boolean mayWait) {
        if (stored == null) {
            return mayWait ? Decision.pending("not received yet")
                    : Decision.failed(NO_SUCH_OBJECT_INSTANCE, "not stored in this archive");
        }
        if (!stored.sopClassUid().equals(sopClassUid)) {
            return Decision.failed(CLASS_INSTANCE_CONFLICT, "stored as SOP Class " + stored.sopClassUid());
        }
        Path file = root.resolve(stored.path());
        if (policy.checks(CommitmentPolicy.Check.FILE) && !Files.isRegularFile(file)) {
            return Decision.failed(PROCESSING_FAILURE, "its file is missing: " + stored.path());
        }
        if (policy.checks(CommitmentPolicy.Check.DURABLE) && !stored.durable()) {
            return mayWait ? Decision.pending("not yet on stable storage")
                    : Decision.failed(PROCESSING_FAILURE, "not on stable storage within the waiting time");
        }
        if (policy.checks(CommitmentPolicy.Check.DIGEST)) {
            try {
                String digest = ObjectReceiver.digestOf(file, stored.digestAlgorithm());
                if (!digest.equalsIgnoreCase(stored.digest())) {
                    return Decision.failed(PROCESSING_FAILURE, "its file changed after reception ("
                            + stored.digestAlgorithm() + " differs)");
                }
            } catch (IOException e) {
                return Decision.failed(PROCESSING_FAILURE, "its file cannot be read: " + e.getMessage());
            }
        }
        return Decision.COMMITTED;
    }
}
