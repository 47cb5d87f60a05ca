package org.beaconpacs.archive.entity.index;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;

/** A patient as the archive first saw it: identified by Patient ID and its issuer. */
@Entity
@Table(name = "patient")
@NamedQuery(name = Patient.BY_ID, query = "select p from Patient p where p.patientId = :patientId and "
        + "(p.issuer = :issuer or (p.issuer is null and :issuer is null)) order by p.id")
public class Patient {

    public static final String BY_ID = "Patient.byId";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "patient_id")
    private String patientId;
    @Column(name = "issuer_of_patient_id")
    private String issuer;
    @Column(name = "patient_name")
    private String name;
    /** The name for case-insensitive matching: upper case, accents kept. */
    @Column(name = "patient_name_norm")
    private String nameNormalized;
    @Column(name = "birth_date")
    private String birthDate;
    private String sex;
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

    public String getPatientId() {
        return patientId;
    }

    public void setPatientId(String patientId) {
        this.patientId = patientId;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNameNormalized() {
        return nameNormalized;
    }

    public void setNameNormalized(String nameNormalized) {
        this.nameNormalized = nameNormalized;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(String birthDate) {
        this.birthDate = birthDate;
    }

    public String getSex() {
        return sex;
    }

    public void setSex(String sex) {
        this.sex = sex;
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
