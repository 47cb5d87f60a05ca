package org.beaconpacs.archive.retrieve;

import java.io.Serializable;

/**
 * How an administrator's transfer of a study ended (an export to a remote AE, or a pull from one).
 *
 * @param status the DICOM status of the transfer (0 success, 0xB000 some failed, 0xA702 none sent...)
 * @param detail why it failed, where it did
 */
public record TransferResult(String studyUid, String aeTitle, int completed, int failed, int warning, int status,
                             String detail) implements Serializable {

    public boolean succeeded() {
        return status == 0 && failed == 0;
    }
}
