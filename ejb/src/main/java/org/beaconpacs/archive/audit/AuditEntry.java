package org.beaconpacs.archive.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.beaconpacs.archive.entity.audit.AuditRecord;

/**
 * An audit record as the console and the REST API show it.
 *
 * @param outcome the EventOutcomeIndicator (0 success, 4, 8, 12 failures)
 * @param message the XML, or null in lists
 */
public record AuditEntry(long id, Instant time, String eventId, String event, String eventType, String action,
                         int outcome, String requestor, List<String> patientIds, List<String> studyUids,
                         String message) {

    static AuditEntry of(AuditRecord r) {
        return new AuditEntry(r.getId(), r.getEventTime(), r.getEventId(), r.getEventName(), r.getEventType(),
                r.getAction(), r.getOutcome(), r.getRequestor(), split(r.getPatientIds()), split(r.getStudyUids()),
                null);
    }

    static AuditEntry withMessage(AuditRecord r) {
        AuditEntry e = of(r);
        return new AuditEntry(e.id, e.time, e.eventId, e.event, e.eventType, e.action, e.outcome, e.requestor,
                e.patientIds, e.studyUids, new String(r.getMessage(), StandardCharsets.UTF_8));
    }

    /** {@code \a\b\} as [a, b]. */
    static List<String> split(String joined) {
        return joined == null ? List.of()
                : Arrays.stream(joined.split("\\\\")).filter(s -> !s.isEmpty()).toList();
    }

    /** [a, b] as {@code \a\b\}, or null when empty. */
    static String join(List<String> values) {
        return values.isEmpty() ? null : "\\" + String.join("\\", values) + "\\";
    }

    public boolean success() {
        return outcome == 0;
    }
}
