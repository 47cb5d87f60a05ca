package org.beaconpacs.archive.entity.mpps;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A Modality Performed Procedure Step (PS3.4 F.7): what a modality reports it did, from N-CREATE (IN
 * PROGRESS) to the N-SET that completes or discontinues it, after which it is read-only.
 */
@Entity
@Table(name = "mpps")
@NamedQuery(name = PerformedProcedureStep.BY_UID, query = "select m from PerformedProcedureStep m "
        + "where m.sopInstanceUid = :uid")
@NamedQuery(name = PerformedProcedureStep.BY_STUDY, query = "select m from PerformedProcedureStep m "
        + "where m.studyUid = :study order by m.created")
public class PerformedProcedureStep {

    public static final String BY_UID = "PerformedProcedureStep.byUid";
    public static final String BY_STUDY = "PerformedProcedureStep.byStudy";

    /** Performed Procedure Step Status (0040,0252): DICOM writes IN PROGRESS with a space. */
    public enum Status {
        IN_PROGRESS, COMPLETED, DISCONTINUED;

        public String dicom() {
            return name().replace('_', ' ');
        }

        /** The status of a DICOM value, or null if it is none. */
        public static Status ofDicom(String value) {
            if (value == null) {
                return null;
            }
            for (Status s : values()) {
                if (s.dicom().equals(value.strip())) {
                    return s;
                }
            }
            return null;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "sop_instance_uid")
    private String sopInstanceUid;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "performed_station_ae")
    private String performedStationAe;
    private String modality;
    @Column(name = "patient_id")
    private String patientId;
    @Column(name = "study_uid")
    private String studyUid;
    @Column(name = "sps_id")
    private String stepId;
    @Column(name = "accession_number")
    private String accessionNumber;
    @Column(name = "start_date")
    private String startDate;
    @Column(name = "start_time")
    private String startTime;
    private byte[] attributes;
    private Instant created;
    private Instant updated;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "mpps_series", joinColumns = @JoinColumn(name = "mpps_fk"))
    @Column(name = "series_uid")
    private Set<String> seriesUids = new LinkedHashSet<>();

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

    public void setSopInstanceUid(String sopInstanceUid) {
        this.sopInstanceUid = sopInstanceUid;
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    public String getPerformedStationAe() {
        return performedStationAe;
    }

    public void setPerformedStationAe(String performedStationAe) {
        this.performedStationAe = performedStationAe;
    }

    public String getModality() {
        return modality;
    }

    public void setModality(String modality) {
        this.modality = modality;
    }

    public String getPatientId() {
        return patientId;
    }

    public void setPatientId(String patientId) {
        this.patientId = patientId;
    }

    public String getStudyUid() {
        return studyUid;
    }

    public void setStudyUid(String studyUid) {
        this.studyUid = studyUid;
    }

    public String getStepId() {
        return stepId;
    }

    public void setStepId(String stepId) {
        this.stepId = stepId;
    }

    public String getAccessionNumber() {
        return accessionNumber;
    }

    public void setAccessionNumber(String accessionNumber) {
        this.accessionNumber = accessionNumber;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
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

    public Set<String> getSeriesUids() {
        return seriesUids;
    }
}
