package org.beaconpacs.archive.entity.worklist;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.beaconpacs.archive.entity.index.Patient;

/**
 * A worklist item (PS3.4 K.6): the Imaging Service Request and Requested Procedure of one patient, with
 * the Scheduled Procedure Steps that carry it out; a modality's worklist query answers step by step.
 */
@Entity
@Table(name = "worklist_item")
public class WorklistItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_fk")
    private Patient patient;
    @Column(name = "accession_number")
    private String accessionNumber;
    @Column(name = "requested_procedure_id")
    private String requestedProcedureId;
    @Column(name = "study_uid")
    private String studyUid;
    /** The order's attributes but the patient's and the steps', encoded. */
    private byte[] attributes;
    private Instant created;
    private Instant updated;
    @OneToMany(mappedBy = "item", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<ScheduledStep> steps = new ArrayList<>();

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

    public Patient getPatient() {
        return patient;
    }

    public void setPatient(Patient patient) {
        this.patient = patient;
    }

    public String getAccessionNumber() {
        return accessionNumber;
    }

    public void setAccessionNumber(String accessionNumber) {
        this.accessionNumber = accessionNumber;
    }

    public String getRequestedProcedureId() {
        return requestedProcedureId;
    }

    public void setRequestedProcedureId(String requestedProcedureId) {
        this.requestedProcedureId = requestedProcedureId;
    }

    public String getStudyUid() {
        return studyUid;
    }

    public void setStudyUid(String studyUid) {
        this.studyUid = studyUid;
    }

    public byte[] getAttributes() {
        return attributes;
    }

    public void setAttributes(byte[] attributes) {
        this.attributes = attributes;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getUpdated() {
        return updated;
    }

    public List<ScheduledStep> getSteps() {
        return steps;
    }

    /** Adds {@code step} as this item's next one. */
    public void addStep(ScheduledStep step) {
        step.setItem(this, steps.size());
        steps.add(step);
    }
}
