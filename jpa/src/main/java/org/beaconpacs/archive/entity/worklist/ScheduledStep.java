package org.beaconpacs.archive.entity.worklist;

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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A Scheduled Procedure Step of a worklist item (PS3.4 K.6, the Scheduled Procedure Step Sequence item): its
 * matching keys as columns, the item itself encoded in {@code attributes}.
 */
@Entity
@Table(name = "scheduled_step")
public class ScheduledStep {

    /** Scheduled Procedure Step Status (0040,0020), PS3.3 C.4.10. */
    public enum Status {
        SCHEDULED, ARRIVED, READY, STARTED, DEPARTED, COMPLETED, DISCONTINUED;

        /** Done with: no longer on a modality's worklist unless asked for by status. */
        public boolean isFinal() {
            return this == COMPLETED || this == DISCONTINUED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "item_fk")
    private WorklistItem item;
    private int seq;
    @Column(name = "sps_id")
    private String stepId;
    private String modality;
    @Column(name = "start_date")
    private String startDate;
    @Column(name = "start_time")
    private String startTime;
    /** Scheduled Performing Physician's Name for case-insensitive matching: upper case. */
    @Column(name = "performing_physician_norm")
    private String performingPhysicianNormalized;
    @Column(name = "station_name")
    private String stationName;
    @Enumerated(EnumType.STRING)
    private Status status = Status.SCHEDULED;
    private byte[] attributes;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "scheduled_step_station", joinColumns = @JoinColumn(name = "step_fk"))
    @Column(name = "ae_title")
    private Set<String> stationAeTitles = new LinkedHashSet<>();

    public Long getId() {
        return id;
    }

    public WorklistItem getItem() {
        return item;
    }

    void setItem(WorklistItem item, int seq) {
        this.item = item;
        this.seq = seq;
    }

    public int getSeq() {
        return seq;
    }

    public String getStepId() {
        return stepId;
    }

    public void setStepId(String stepId) {
        this.stepId = stepId;
    }

    public String getModality() {
        return modality;
    }

    public void setModality(String modality) {
        this.modality = modality;
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

    public String getPerformingPhysicianNormalized() {
        return performingPhysicianNormalized;
    }

    public void setPerformingPhysicianNormalized(String performingPhysicianNormalized) {
        this.performingPhysicianNormalized = performingPhysicianNormalized;
    }

    public String getStationName() {
        return stationName;
    }

    public void setStationName(String stationName) {
        this.stationName = stationName;
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    public byte[] getAttributes() {
        return attributes;
    }

    public void setAttributes(byte[] attributes) {
        this.attributes = attributes;
    }

    public Set<String> getStationAeTitles() {
        return stationAeTitles;
    }
}
