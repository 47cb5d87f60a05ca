package org.beaconpacs.archive.entity.config;

import jakarta.persistence.Cacheable;
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
 * A DICOM application entity: one of ours (local: we listen for it) or a peer (remote: a modality,
 * workstation or archive we talk to), and what it is allowed to do with us.
 */
@Entity
@Cacheable
@Table(name = "application_entity")
@NamedQuery(name = ApplicationEntity.ALL, query = "select a from ApplicationEntity a order by a.localAe desc, a.aeTitle")
@NamedQuery(name = ApplicationEntity.BY_TITLE, query = "select a from ApplicationEntity a where a.aeTitle = :aeTitle")
public class ApplicationEntity {

    public static final String ALL = "ApplicationEntity.all";
    public static final String BY_TITLE = "ApplicationEntity.byTitle";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ae_title", nullable = false, length = 16, unique = true)
    private String aeTitle;

    private String host;
    private Integer port;
    private boolean tls;
    private String description;

    @Column(name = "local_ae")
    private boolean localAe;
    @Column(name = "may_store")
    private boolean mayStore = true;
    @Column(name = "may_query")
    private boolean mayQuery = true;
    @Column(name = "may_retrieve")
    private boolean mayRetrieve = true;
    @Column(name = "move_destination")
    private boolean moveDestination;
    @Column(name = "may_print")
    private boolean mayPrint;
    @Column(name = "may_commit")
    private boolean mayCommit = true;
    /** A local AE's accepted storage SOP classes, UIDs separated by backslashes; null: all of them. */
    @Column(name = "storage_sop_classes", length = 100000)
    private String storageSopClasses;

    private Instant created;
    private Instant updated;

    @Version
    private int version;

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

    public String getAeTitle() {
        return aeTitle;
    }

    public void setAeTitle(String aeTitle) {
        this.aeTitle = aeTitle;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public boolean isTls() {
        return tls;
    }

    public void setTls(boolean tls) {
        this.tls = tls;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isLocalAe() {
        return localAe;
    }

    public void setLocalAe(boolean localAe) {
        this.localAe = localAe;
    }

    public boolean isMayStore() {
        return mayStore;
    }

    public void setMayStore(boolean mayStore) {
        this.mayStore = mayStore;
    }

    public boolean isMayQuery() {
        return mayQuery;
    }

    public void setMayQuery(boolean mayQuery) {
        this.mayQuery = mayQuery;
    }

    public boolean isMayRetrieve() {
        return mayRetrieve;
    }

    public void setMayRetrieve(boolean mayRetrieve) {
        this.mayRetrieve = mayRetrieve;
    }

    public boolean isMoveDestination() {
        return moveDestination;
    }

    public void setMoveDestination(boolean moveDestination) {
        this.moveDestination = moveDestination;
    }

    public boolean isMayPrint() {
        return mayPrint;
    }

    public void setMayPrint(boolean mayPrint) {
        this.mayPrint = mayPrint;
    }

    public boolean isMayCommit() {
        return mayCommit;
    }

    public void setMayCommit(boolean mayCommit) {
        this.mayCommit = mayCommit;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getUpdated() {
        return updated;
    }

    public int getVersion() {
        return version;
    }

    public String getStorageSopClasses() {
        return storageSopClasses;
    }

    public void setStorageSopClasses(String storageSopClasses) {
        this.storageSopClasses = storageSopClasses;
    }
}
