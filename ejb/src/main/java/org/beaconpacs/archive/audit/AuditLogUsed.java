package org.beaconpacs.archive.audit;

/** Somebody read the kept audit records (the console's Audit page, {@code GET /api/audit}). */
public record AuditLogUsed() {
}
