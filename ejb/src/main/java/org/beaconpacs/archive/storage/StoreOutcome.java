package org.beaconpacs.archive.storage;

import java.util.List;

/**
 * What became of an object handed to the store, in the store's words; each protocol turns it into its
 * own answer (a C-STORE status, a STOW-RS failure reason).
 *
 * @param result the kind of outcome
 * @param detail why, for a failure or a warning (null on plain success)
 * @param offendingTag the attribute at fault, or 0
 * @param notes things the sender's administrator should know although the object was stored (patient data
 *     that differ from the stored patient's)
 */
public record StoreOutcome(Result result, String detail, int offendingTag, List<String> notes) {

    public enum Result {
        /** Kept: durable as the durability mode promises, and indexed. */
        STORED,
        /** The same object (same digest) is stored already: nothing kept twice. */
        ALREADY_STORED,
        /** Other content under a stored SOP Instance UID, and the first is kept (duplicates policy). */
        DUPLICATE_DISCARDED,
        /** No data set, a data set that cannot be parsed, or one without valid UIDs. */
        CANNOT_UNDERSTAND,
        /** The data set's SOP Class or Instance UID differs from what the sender announced. */
        DOES_NOT_MATCH,
        /** The study is being deleted; sending again later succeeds. */
        STUDY_BEING_DELETED,
        /** The storage is below its free-space threshold, or the file could not be written or placed. */
        OUT_OF_RESOURCES,
        /** The index failed. */
        PROCESSING_FAILURE
    }

    static StoreOutcome of(Result result) {
        return new StoreOutcome(result, null, 0, List.of());
    }

    static StoreOutcome failed(Result result, String detail) {
        return new StoreOutcome(result, detail, 0, List.of());
    }

    static StoreOutcome failed(Result result, String detail, int offendingTag) {
        return new StoreOutcome(result, detail, offendingTag, List.of());
    }

    /** True when the object is stored, now or before. */
    public boolean isStored() {
        return result == Result.STORED || result == Result.ALREADY_STORED;
    }
}
