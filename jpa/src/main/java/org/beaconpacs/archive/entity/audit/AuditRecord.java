package org.beaconpacs.archive.entity.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One audit message (PS3.15 A.5) as it was sent: its XML, and the fields the console's audit page filters on.
 * Never changed once written.
 */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "event_time")
    private Instant eventTime;
    /** EventID's code, e.g. 110104. */
    @Column(name = "event_id")
    private String eventId;
    @Column(name = "event_name")
    private String eventName;
    /** The first EventTypeCode's meaning, e.g. Login, or null. */
    @Column(name = "event_type")
    private String eventType;
    private String action;
    private int outcome;
    private String requestor;
    /** The patients' IDs as {@code \id\id\}, or null. */
    @Column(name = "patient_ids")
    private String patientIds;
    /** The Study Instance UIDs, each between backslashes as the patient IDs, or null. */
    @Column(name = "study_uids")
    private String studyUids;
    private byte[] message;

    protected AuditRecord() {
    }

    public AuditRecord(Instant eventTime, String eventId, String eventName, String eventType, String action,
                       int outcome, String requestor, String patientIds, String studyUids, byte[] message) {
        this.eventTime = eventTime;
        this.eventId = eventId;
        this.eventName = eventName;
        this.eventType = eventType;
        this.action = action;
        this.outcome = outcome;
        this.requestor = requestor;
        this.patientIds = patientIds;
        this.studyUids = studyUids;
        this.message = message;
    }

    public Long getId() {
        return id;
    }

    public Instant getEventTime() {
        return eventTime;
    }

    public String getEventId() {
        return eventId;
    }

    public String getEventName() {
        return eventName;
    }

    public String getEventType() {
        return eventType;
    }

    public String getAction() {
        return action;
    }

    public int getOutcome() {
        return outcome;
    }

    public String getRequestor() {
        return requestor;
    }

    public String getPatientIds() {
        return patientIds;
    }

    public String getStudyUids() {
        return studyUids;
    }

    public byte[] getMessage() {
        return message;
    }
}
