package org.beaconpacs.archive.index;

import java.util.List;

/**
 * What indexing did.
 *
 * @param outcome whether the instance was new, a resend of the same content, or other content
 * @param replacedPath for a replaced object, the file that is no longer referenced (delete it)
 * @param conflicts patient or study data that differed from what the index has, in words
 */
public record IndexResult(Outcome outcome, String existingPath, String replacedPath, List<String> conflicts) {

    public enum Outcome { STORED, SAME_CONTENT, OTHER_CONTENT_KEPT, OTHER_CONTENT_REPLACED }
}
