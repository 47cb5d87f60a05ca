package org.beaconpacs.archive.commitment;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the archive checks of an instance before it commits to keeping it (issue "Storage Commitment"):
 * by default all of it. Set by {@code beacon.commitment.verify} (BEACON_COMMIT_VERIFY), a comma-separated
 * list of the checks; the index entry and the SOP Class are always checked.
 */
public record CommitmentPolicy(Set<Check> checks) {

    public enum Check {
        /** The file the index names exists. */
        FILE,
        /** The file is on stable storage (fsync'd); in deferred durability, commitment waits for the flusher. */
        DURABLE,
        /** The file's data set still has the digest recorded at reception: every byte is read again. */
        DIGEST
    }

    public static final CommitmentPolicy ALL = new CommitmentPolicy(EnumSet.allOf(Check.class));

    public CommitmentPolicy {
        checks = checks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(checks));
    }

    public boolean checks(Check check) {
        return checks.contains(check);
    }

    /** Parses "file,durable,digest" (any order, any case); an unknown name is an error, not ignored. */
    public static CommitmentPolicy parse(String value) {
        Set<Check> checks = EnumSet.noneOf(Check.class);
        for (String name : value.split(",")) {
            if (!name.isBlank()) {
                try {
                    checks.add(Check.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown commitment check \"" + name.strip()
                            + "\" (known: file, durable, digest)");
                }
            }
        }
        return new CommitmentPolicy(checks);
    }
}
