package org.beaconpacs.archive.audit;

/**
 * An audit message not yet complete: taken on the audited service's thread with what that thread knows,
 * completed on the audit writer's thread with what the index knows (patients of the studies concerned), so
 * that the service never waits for the index on the audit's behalf.
 */
@FunctionalInterface
public interface AuditDraft {

    AuditMessage complete(StudyFacts facts);
}
