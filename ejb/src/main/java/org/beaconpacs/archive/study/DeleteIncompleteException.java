package org.beaconpacs.archive.study;

import jakarta.ejb.ApplicationException;

/**
 * A study delete that stopped on a file it could not remove: the study stays out of every list and
 * takes no object; the delete resumes at the next start or when the study is deleted again.
 */
@ApplicationException
public class DeleteIncompleteException extends RuntimeException {

    DeleteIncompleteException(String studyUid, String file, Exception cause) {
        super("the delete of study " + studyUid + " stopped: cannot remove " + file + " (" + cause + "); it "
                + "resumes at the next start or when the study is deleted again", cause);
    }
}
