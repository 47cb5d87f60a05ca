package org.beaconpacs.archive.audit;

import java.time.Instant;

/**
 * What the console's audit page asks for; a null field matches everything.
 *
 * @param user the requestor's user ID or AE title (case-insensitive, whole)
 * @param patientId one patient ID (whole)
 * @param eventId an EventID code, e.g. 110104
 * @param from events at or after
 * @param to events before
 */
public record AuditFilter(String user, String patientId, String eventId, Instant from, Instant to) {

    public AuditFilter {
        user = blankToNull(user);
        patientId = blankToNull(patientId);
        eventId = blankToNull(eventId);
    }

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
