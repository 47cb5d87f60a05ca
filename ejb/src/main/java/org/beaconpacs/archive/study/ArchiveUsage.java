package org.beaconpacs.archive.study;

import java.io.Serializable;

/**
 * How full the archive is: studies, instances and bytes in the index, and the file system of the storage
 * root (free for us and total; -1 when it cannot be read).
 */
public record ArchiveUsage(long studies, long instances, long storedBytes, long freeBytes, long totalBytes)
        implements Serializable {
}
