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
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import java.time.Instant;

/** A SOP instance: its identity, class, number, and the rest of its attributes. */
@Entity
@Table(name = "instance")
@NamedQuery(name = Instance.BY_UID, query = "select i from Instance i where i.sopUid = :uid")
@NamedQuery(name = Instance.SOP_CLASSES_OF_STUDY, query = "select distinct i.sopClassUid from Instance i "
        + "where i.series.study.id = :study")
@NamedQuery(name = Instance.OF_SERIES, query = "select i from Instance i where i.series = :series order by i.instanceNumber, i.id")
// native: the store's short path inserts rows nothing reads in its transaction; no entity to manage
@NamedNativeQuery(name = Instance.INSERT, query = "insert into instance (series_fk, sop_uid, sop_class_uid, "
        + "instance_number, attributes, created) values (?1, ?2, ?3, ?4, ?5, ?6)",
        hints = @QueryHint(name = Study.QUERY_SPACES, value = "instance"))
public class Instance {

    public static final String BY_UID = "Instance.byUid";
    public static final String OF_SERIES = "Instance.ofSeries";
    /** The SOP classes of a study's instances (parameter: the study's row id): SOP Classes in Study. */
    public static final String SOP_CLASSES_OF_STUDY = "Instance.sopClassesOfStudy";
    /** A new instance (parameters: series id, SOP Instance UID, SOP Class UID, number, attributes, now). */
    public static final String INSERT = "Instance.insert";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "series_fk")
    private Series series;
    @Column(name = "sop_uid")
    private String sopUid;
    @Column(name = "sop_class_uid")
    private String sopClassUid;
    @Column(name = "instance_number")
    private Integer instanceNumber;
    private byte[] attributes;
    private Instant created;

    @PrePersist
    void onCreate() {
        created = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Series getSeries() {
        return series;
    }

    public void setSeries(Series series) {
        this.series = series;
    }

    public String getSopUid() {
        return sopUid;
    }

    public void setSopUid(String sopUid) {
        this.sopUid = sopUid;
    }

    public String getSopClassUid() {
        return sopClassUid;
    }

    public void setSopClassUid(String sopClassUid) {
        this.sopClassUid = sopClassUid;
    }

    public Integer getInstanceNumber() {
        return instanceNumber;
    }

    public void setInstanceNumber(Integer instanceNumber) {
        this.instanceNumber = instanceNumber;
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
