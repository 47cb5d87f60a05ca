package org.beaconpacs.archive.index;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The series this server stored into lately, with the keys of their study and patient, so that the next
 * instance of a series (most of a modality's traffic) is indexed without reading those rows again. A hint,
 * never the truth: every use is checked by the database (the counter updates find the rows by key, or the
 * caller falls back to the full path), so a stale entry costs one fallback, and the cache needs no cluster
 * invalidation. Bounded: emptied when it grows past {@link #LIMIT} entries.
 */
@ApplicationScoped
public class RecentSeries {

    static final int LIMIT = 4096;

    /** What the full path established about a series: its row, its study's row, and the patient it has. */
    record Known(long seriesId, long studyId, String studyUid, String patientId, String patientName) {

        /** Whether an instance with these keys goes into this series without anything to note. */
        boolean fits(String studyUid, String patientId, String patientName) {
            return this.studyUid.equals(studyUid) && Objects.equals(this.patientId, patientId)
                    && Objects.equals(this.patientName, patientName);
        }
    }

    private final Map<String, Known> bySeriesUid = new ConcurrentHashMap<>();

    Known get(String seriesUid) {
        return bySeriesUid.get(seriesUid);
    }

    void remember(String seriesUid, Known known) {
        if (bySeriesUid.size() >= LIMIT) {
            bySeriesUid.clear();
        }
        bySeriesUid.put(seriesUid, known);
    }

    void forget(String seriesUid) {
        bySeriesUid.remove(seriesUid);
    }
}
