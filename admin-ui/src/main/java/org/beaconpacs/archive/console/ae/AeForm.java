package org.beaconpacs.archive.console.ae;

import java.io.Serializable;
import org.beaconpacs.archive.config.AeDto;

/** The fields of the create/edit dialog: an AE being written, until it is saved as an {@link AeDto}. */
public class AeForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String originalTitle; // null: a new AE
    private Long id;
    private Integer version;
    private String aeTitle;
    private String host;
    private Integer port = 104;
    private boolean tls;
    private String description;
    private boolean local;
    private boolean mayStore = true;
    private boolean mayQuery = true;
    private boolean mayRetrieve = true;
    private boolean moveDestination;
    private boolean mayPrint;
    private boolean mayCommit = true;
    private java.util.List<String> storageSopClasses = new java.util.ArrayList<>();

    static AeForm of(AeDto ae) {
        AeForm f = new AeForm();
        f.originalTitle = ae.aeTitle();
        f.id = ae.id();
        f.version = ae.version();
        f.aeTitle = ae.aeTitle();
        f.host = ae.host();
        f.port = ae.port();
        f.tls = ae.tls();
        f.description = ae.description();
        f.local = ae.local();
        f.mayStore = Boolean.TRUE.equals(ae.mayStore());
        f.mayQuery = Boolean.TRUE.equals(ae.mayQuery());
        f.mayRetrieve = Boolean.TRUE.equals(ae.mayRetrieve());
        f.moveDestination = Boolean.TRUE.equals(ae.moveDestination());
        f.mayPrint = Boolean.TRUE.equals(ae.mayPrint());
        f.mayCommit = Boolean.TRUE.equals(ae.mayCommit());
        f.storageSopClasses = ae.storageSopClasses() == null ? new java.util.ArrayList<>()
                : new java.util.ArrayList<>(ae.storageSopClasses());
        return f;
    }

    AeDto toDto() {
        return new AeDto(id, aeTitle, host, port, tls, description, local, mayStore, mayQuery, mayRetrieve,
                moveDestination, mayPrint, mayCommit, version, local ? java.util.List.copyOf(storageSopClasses) : null);
    }

    public boolean isNew() {
        return originalTitle == null;
    }

    String originalTitle() {
        return originalTitle;
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

    public boolean isLocal() {
        return local;
    }

    public void setLocal(boolean local) {
        this.local = local;
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

    /** For a local AE, the storage SOP classes it accepts; empty: all. */
    public java.util.List<String> getStorageSopClasses() {
        return storageSopClasses;
    }

    public void setStorageSopClasses(java.util.List<String> storageSopClasses) {
        this.storageSopClasses = storageSopClasses == null ? new java.util.ArrayList<>() : storageSopClasses;
    }
}
