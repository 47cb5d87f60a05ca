package org.beaconpacs.archive.retrieve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.index.Level;

/**
 * A retrieve ended (for the audit trail and the activity pages).
 *
 * @param requestor the calling AE title, or the user of a REST export
 * @param destination the AE the instances went to (the requestor itself for C-GET)
 * @param requestorHost where the requestor is (address or host name), or null
 * @param status the final status
 * @param studies the instances asked for: per Study Instance UID, the number of instances per SOP Class UID
 * @param how what carried them: C-MOVE, C-GET, WADO, EXPORT
 */
public record Retrieved(String requestor, Long association, String destination, Level level, int completed,
                        int failed, int warning, int status, String requestorHost,
                        Map<String, Map<String, Integer>> studies, Transfer how) {

    /** What carried the instances. */
    public enum Transfer { C_MOVE, C_GET, WADO, EXPORT }

    /** {@code instances} counted per study and SOP class, in their order. */
    public static Map<String, Map<String, Integer>> studies(List<StoredInstance> instances) {
        Map<String, Map<String, Integer>> studies = new LinkedHashMap<>();
        for (StoredInstance i : instances) {
            studies.computeIfAbsent(i.studyUid(), k -> new LinkedHashMap<>()).merge(i.sopClass(), 1, Integer::sum);
        }
        return studies;
    }
}
