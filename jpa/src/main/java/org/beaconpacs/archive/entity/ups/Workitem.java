package org.beaconpacs.archive.entity.ups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A Unified Procedure Step (PS3.4 CC): its SOP Instance UID, Procedure Step State and the Transaction UID
 * of its performer, the keys searches match on, and all its attributes encoded.
 */
@Entity
@Table(name = "workitem")
@NamedQuery(name = Workitem.BY_UID, query = "select w from Workitem w where w.sopInstanceUid = :uid")
@NamedQuery(name = Workitem.OF_ORDER, query = "select w from Workitem w where w.stepStudyUid = :study")
public class Workitem {

    public static final String BY_UID = "Workitem.byUid";
    public static final String OF_ORDER = "Workitem.ofOrder";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "sop_instance_uid")
    private String sopInstanceUid;
    private String state;
    @Column(name = "transaction_uid")
    private String transactionUid;
    private String priority;
    @Column(name = "start_datetime")
    private String startDateTime;
    private String label;
    @Column(name = "worklist_label")
    private String worklistLabel;
    @Column(name = "patient_id")
    private String patientId;
    /** The worklist's scheduled step this workitem is: its order's Study Instance UID and its step ID. */
    @Column(name = "step_study_uid")
    private String stepStudyUid;
    @Column(name = "step_id")
    private String stepId;
    private byte[] attributes;
    private Instant created;
    private Instant updated;
    @Version
    private int version;

    protected Workitem() {
    }

    public Workitem(String sopInstanceUid) {
        this.sopInstanceUid = sopInstanceUid;
    }

    @PrePersist
    void onCreate() {
        created = updated = Instant.now();
    }

    @PreUpdate
    void onUpdate() {
        updated = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getSopInstanceUid() {
        return sopInstanceUid;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getTransactionUid() {
        return transactionUid;
    }

    public void setTransactionUid(String transactionUid) {
        this.transactionUid = transactionUid;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public String getStartDateTime() {
        return startDateTime;
    }

    public void setStartDateTime(String startDateTime) {
        this.startDateTime = startDateTime;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getWorklistLabel() {
        return worklistLabel;
    }

    public void setWorklistLabel(String worklistLabel) {
        this.worklistLabel = worklistLabel;
    }

    public String getPatientId() {
        return patientId;
    }

    public void setPatientId(String patientId) {
        this.patientId = patientId;
    }

    public String getStepStudyUid() {
        return stepStudyUid;
    }

    public String getStepId() {
        return stepId;
    }

    public void setStep(String studyUid, String stepId) {
        this.stepStudyUid = studyUid;
        this.stepId = stepId;
    }

    public byte[] getAttributes() {
        return attributes;
    }

    public void setAttributes(byte[] attributes) {
        this.attributes = attributes;
    }

    public Instant getUpdated() {
        return updated;
    }
}
