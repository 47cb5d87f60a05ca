package org.beaconpacs.archive.index;

import jakarta.ejb.ApplicationException;

/**
 * An object for a study whose delete has begun: refused, so that nothing acknowledged goes with the
 * study (the delete took its list of files when it began). Sent again after the delete, it starts the
 * study anew.
 */
@ApplicationException(rollback = true)
public class StudyBeingDeletedException extends RuntimeException {

    public StudyBeingDeletedException(String studyUid) {
        super("study " + studyUid + " is being deleted");
    }
}
