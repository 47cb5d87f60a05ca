package org.beaconpacs.archive.entity.index;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import java.time.Instant;

/** A study with its matching keys and counters (kept right by row-locked increments, no global lock). */
@Entity
@Table(name = "study")
@NamedQuery(name = Study.BY_UID, query = "select s from Study s where s.studyUid = :uid")
@NamedQuery(name = Study.BY_UID_LOCKED, query = "select s from Study s where s.studyUid = :uid",
        lockMode = LockModeType.PESSIMISTIC_WRITE)
@NamedQuery(name = Study.DELETING, query = "select s.studyUid from Study s where s.status = "
        + "org.beaconpacs.archive.entity.index.Study.Status.DELETING")
@NamedQuery(name = Study.PATIENT_COUNTS, query = "select count(s), sum(s.numberOfSeries), sum(s.numberOfInstances) "
        + "from Study s where s.patient.id = :patient and s.status = "
        + "org.beaconpacs.archive.entity.index.Study.Status.ACTIVE")
// native: Hibernate translates a JPQL update anew at each execution, and this one runs for every object;
// the hint names the one table it changes, else Hibernate would empty every second-level cache region
@NamedNativeQuery(name = Study.COUNT_INSTANCE, query = "update study set number_of_instances = number_of_instances + ?1, "
        + "size_bytes = size_bytes + ?2, updated = ?3 where id = ?4 and status = 'ACTIVE'",
        hints = @QueryHint(name = Study.QUERY_SPACES, value = "study"))
@NamedNativeQuery(name = Study.COUNT_NEW_INSTANCE, query = "update study set number_of_instances = "
        + "number_of_instances + 1, size_bytes = size_bytes + ?1, updated = ?2 where id = ?3 and status = 'ACTIVE' "
        + "and not exists (select 1 from instance i where i.sop_uid = ?4)",
        hints = @QueryHint(name = Study.QUERY_SPACES, value = "study"))
public class Study {

    public static final String BY_UID = "Study.byUid";
    /** The study, its row locked until the transaction ends (for its counters, or its delete). */
    public static final String BY_UID_LOCKED = "Study.byUidLocked";
    public static final String DELETING = "Study.deleting";
    /** A patient's studies, series and instances (parameter: the patient's row id), for C-FIND's counts. */
    public static final String PATIENT_COUNTS = "Study.patientCounts";
    /**
     * Moves the instance counter and the size without loading the row, and so takes its row lock
     * (parameters: instances, bytes, now, id); 0 rows: the study is gone or being deleted.
     */
    public static final String COUNT_INSTANCE = "Study.countInstance";
    /**
     * Like {@link #COUNT_INSTANCE} for one instance that must be new (parameters: bytes, now, id, SOP
     * Instance UID): the look-up for a resend and the count in one statement; 0 rows: the instance is
     * already indexed, or the study is gone or being deleted.
     */
    public static final String COUNT_NEW_INSTANCE = "Study.countNewInstance";
    /** Hibernate's hint naming the tables a native statement changes (else it empties the second-level cache). */
    public static final String QUERY_SPACES = "org.hibernate.query.native.spaces";

    /** ACTIVE, or DELETING from the moment a delete starts until its rows are gone (resumed after a crash). */
    public enum Status { ACTIVE, DELETING }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_fk")
    private Patient patient;
    @Column(name = "study_uid")
    private String studyUid;
    @Column(name = "study_date")
    private String studyDate;
    @Column(name = "study_time")
    private String studyTime;
    @Column(name = "accession_number")
    private String accessionNumber;
    @Column(name = "study_id")
    private String studyId;
    @Column(name = "referring_physician")
    private String referringPhysician;
    @Column(name = "study_description")
    private String description;
    /** Modalities in Study, backslash separated as in the DICOM value. */
    private String modalities;
    @Column(name = "number_of_series")
    private int numberOfSeries;
    @Column(name = "number_of_instances")
    private int numberOfInstances;
    @Column(name = "size_bytes")
    private long sizeBytes;
    @Enumerated(EnumType.STRING)
    private Status status = Status.ACTIVE;
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

    public Patient getPatient() {
        return patient;
    }

    public void setPatient(Patient patient) {
        this.patient = patient;
    }

    public String getStudyUid() {
        return studyUid;
    }

    public void setStudyUid(String studyUid) {
        this.studyUid = studyUid;
    }

    public String getStudyDate() {
        return studyDate;
    }

    public void setStudyDate(String studyDate) {
        this.studyDate = studyDate;
    }

    public String getStudyTime() {
        return studyTime;
    }

    public void setStudyTime(String studyTime) {
        this.studyTime = studyTime;
    }

    public String getAccessionNumber() {
        return accessionNumber;
    }

    public void setAccessionNumber(String accessionNumber) {
        this.accessionNumber = accessionNumber;
    }

    public String getStudyId() {
        return studyId;
    }

    public void setStudyId(String studyId) {
        this.studyId = studyId;
    }

    public String getReferringPhysician() {
        return referringPhysician;
    }

    public void setReferringPhysician(String referringPhysician) {
        this.referringPhysician = referringPhysician;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getModalities() {
        return modalities;
    }

    public void setModalities(String modalities) {
        this.modalities = modalities;
    }

    /** Counts a new instance of {@code bytes}; the caller holds this study's row lock. */
    public void addInstance(long bytes) {
        numberOfInstances++;
        sizeBytes += bytes;
    }

    /** Counts a new series and adds its modality to Modalities in Study; under the row lock. */
    public void addSeries(String modality) {
        numberOfSeries++;
        if (modality != null && !modality.isBlank()) {
            java.util.Set<String> all = new java.util.TreeSet<>();
            if (modalities != null && !modalities.isEmpty()) {
                all.addAll(java.util.List.of(modalities.split("\\\\")));
            }
            all.add(modality.strip());
            modalities = String.join("\\", all);
        }
    }

    /** An instance left the index (its size already taken off with {@link #resize}). */
    public void removeInstance() {
        numberOfInstances--;
    }

    /** A series left the index; Modalities in Study keeps its value until the next new series. */
    public void removeSeries() {
        numberOfSeries--;
    }

    /** An instance replaced by one of another size. */
    public void resize(long delta) {
        sizeBytes += delta;
    }

    public int getNumberOfSeries() {
        return numberOfSeries;
    }

    public int getNumberOfInstances() {
        return numberOfInstances;
    }

    public long getSizeBytes() {
        return sizeBytes;
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

    public Instant getCreated() {
        return created;
    }

    public Instant getUpdated() {
        return updated;
    }
}
