package org.beaconpacs.archive.entity.index;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The file of an instance: where (relative to the storage root), how big, its digest, its transfer
 * syntax as received, and whether it is known to be on stable storage (fsync'd).
 */
@Entity
@Table(name = "stored_object")
@NamedQuery(name = StoredObject.OF_INSTANCE, query = "select o from StoredObject o where o.instance = :instance")
// columns, not entities: the restart's recovery reads them outside a transaction, where a lazy
// association of a returned entity could no longer be loaded
@NamedQuery(name = StoredObject.NOT_DURABLE, query = "select i.sopUid, o.path, o.digest, o.digestAlgorithm "
        + "from StoredObject o join o.instance i where o.durable = false")
@NamedQuery(name = StoredObject.MARK_DURABLE, query = "update StoredObject o set o.durable = true where o.path in :paths")
@NamedQuery(name = StoredObject.BY_SOP_UID, query = "select o.path, o.digest, "
        + "o.instance.series.study.status, o.instance.series.study.studyUid from StoredObject o "
        + "where o.instance.sopUid = :uid")
// what storage commitment checks of the instances a request names (studies being deleted are not kept)
@NamedQuery(name = StoredObject.FOR_COMMITMENT, query = "select i.sopUid, i.sopClassUid, o.path, o.digest, "
        + "o.digestAlgorithm, o.durable from StoredObject o join o.instance i join i.series se join se.study st "
        + "where i.sopUid in :uids and st.status = org.beaconpacs.archive.entity.index.Study.Status.ACTIVE")
@NamedQuery(name = StoredObject.BY_PATH, query = "select count(o) from StoredObject o where o.path = :path")
// paths begin with the reception day (yyyy/MM/dd/...): the newest path is of the newest day stored
@NamedQuery(name = StoredObject.NEWEST_PATH, query = "select max(o.path) from StoredObject o")
// native, like Instance.INSERT
@NamedNativeQuery(name = StoredObject.INSERT, query = "insert into stored_object (instance_fk, path, size_bytes, "
        + "digest, digest_algorithm, transfer_syntax, durable, source_ae, association_serial, created) values ("
        + "(select id from instance where sop_uid = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        hints = @QueryHint(name = Study.QUERY_SPACES, value = "stored_object"))
@NamedQuery(name = StoredObject.OF_STUDY, query = "select o from StoredObject o join o.instance i "
        + "where i.series.study = :study")
public class StoredObject {

    public static final String OF_INSTANCE = "StoredObject.ofInstance";
    public static final String NOT_DURABLE = "StoredObject.notDurable";
    public static final String MARK_DURABLE = "StoredObject.markDurable";
    public static final String OF_STUDY = "StoredObject.ofStudy";
    public static final String BY_SOP_UID = "StoredObject.bySopUid";
    public static final String BY_PATH = "StoredObject.byPath";
    /** SOP Instance UID, SOP Class UID, path, digest, digest algorithm, durable; parameter uids. */
    public static final String FOR_COMMITMENT = "StoredObject.forCommitment";
    public static final String NEWEST_PATH = "StoredObject.newestPath";
    /**
     * The file of an instance just inserted (parameters: SOP Instance UID, path, size, digest, digest
     * algorithm, transfer syntax, durable, source AE, association serial, now).
     */
    public static final String INSERT = "StoredObject.insert";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instance_fk")
    private Instance instance;
    /** Relative to the storage root, with '/' separators. */
    private String path;
    @Column(name = "size_bytes")
    private long size;
    private String digest;
    @Column(name = "digest_algorithm")
    private String digestAlgorithm;
    @Column(name = "transfer_syntax")
    private String transferSyntax;
    private boolean durable;
    @Column(name = "source_ae")
    private String sourceAe;
    @Column(name = "association_serial")
    private Long associationSerial;
    private Instant created;

    @PrePersist
    void onCreate() {
        created = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Instance getInstance() {
        return instance;
    }

    public void setInstance(Instance instance) {
        this.instance = instance;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public long getSize() {
        return size;
    }

    public void setSize(long size) {
        this.size = size;
    }

    public String getDigest() {
        return digest;
    }

    public void setDigest(String digest) {
        this.digest = digest;
    }

    public String getDigestAlgorithm() {
        return digestAlgorithm;
    }

    public void setDigestAlgorithm(String digestAlgorithm) {
        this.digestAlgorithm = digestAlgorithm;
    }

    public String getTransferSyntax() {
        return transferSyntax;
    }

    public void setTransferSyntax(String transferSyntax) {
        this.transferSyntax = transferSyntax;
    }

    public boolean isDurable() {
        return durable;
    }

    public void setDurable(boolean durable) {
        this.durable = durable;
    }

    public String getSourceAe() {
        return sourceAe;
    }

    public void setSourceAe(String sourceAe) {
        this.sourceAe = sourceAe;
    }

    public Long getAssociationSerial() {
        return associationSerial;
    }

    public void setAssociationSerial(Long associationSerial) {
        this.associationSerial = associationSerial;
    }

    public Instant getCreated() {
        return created;
    }
}
