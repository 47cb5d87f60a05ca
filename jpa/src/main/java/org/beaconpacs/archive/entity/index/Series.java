package org.beaconpacs.archive.entity.index;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import java.time.Instant;

/** A series with its matching keys and instance counter. */
@Entity
@Table(name = "series")
@NamedQuery(name = Series.BY_UID, query = "select s from Series s where s.seriesUid = :uid")
@NamedQuery(name = Series.OF_STUDY, query = "select s from Series s where s.study = :study order by s.seriesNumber, s.id")
// native: Hibernate translates a JPQL update anew at each execution, and this one runs for every object;
// the hint names the one table it changes, else Hibernate would empty every second-level cache region
@NamedNativeQuery(name = Series.COUNT_INSTANCE, query = "update series set number_of_instances = number_of_instances + 1, "
        + "updated = ?1 where id = ?2",
        hints = @QueryHint(name = Study.QUERY_SPACES, value = "series"))
public class Series {

    public static final String BY_UID = "Series.byUid";
    public static final String OF_STUDY = "Series.ofStudy";
    /** Counts one more instance without loading the row (parameters: now, id); 0 rows: the series is gone. */
    public static final String COUNT_INSTANCE = "Series.countInstance";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "study_fk")
    private Study study;
    @Column(name = "series_uid")
    private String seriesUid;
    private String modality;
    @Column(name = "series_number")
    private Integer seriesNumber;
    @Column(name = "series_description")
    private String description;
    @Column(name = "body_part")
    private String bodyPart;
    @Column(name = "station_name")
    private String stationName;
    @Column(name = "source_ae")
    private String sourceAe;
    @Column(name = "number_of_instances")
    private int numberOfInstances;
    private byte[] attributes;
    private Instant created;
    private Instant updated;

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

    public Study getStudy() {
        return study;
    }

    public void setStudy(Study study) {
        this.study = study;
    }

    public String getSeriesUid() {
        return seriesUid;
    }

    public void setSeriesUid(String seriesUid) {
        this.seriesUid = seriesUid;
    }

    public String getModality() {
        return modality;
    }

    public void setModality(String modality) {
        this.modality = modality;
    }

    public Integer getSeriesNumber() {
        return seriesNumber;
    }

    public void setSeriesNumber(Integer seriesNumber) {
        this.seriesNumber = seriesNumber;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getBodyPart() {
        return bodyPart;
    }

    public void setBodyPart(String bodyPart) {
        this.bodyPart = bodyPart;
    }

    public String getStationName() {
        return stationName;
    }

    public void setStationName(String stationName) {
        this.stationName = stationName;
    }

    public String getSourceAe() {
        return sourceAe;
    }

    public void setSourceAe(String sourceAe) {
        this.sourceAe = sourceAe;
    }

    /** Counts a new instance; the caller holds the study's row lock. */
    public void addInstance() {
        numberOfInstances++;
    }

    public void removeInstance() {
        numberOfInstances--;
    }

    public int getNumberOfInstances() {
        return numberOfInstances;
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
}
