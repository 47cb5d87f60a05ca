package org.beaconpacs.archive.config;

import java.io.Serializable;

/**
 * An application entity as the services, the REST API and the console see it (and as the AE cache
 * keeps it): a value, detached from JPA.
 */
public record AeDto(Long id, String aeTitle, String host, Integer port, boolean tls, String description,
                    boolean local, Boolean mayStore, Boolean mayQuery, Boolean mayRetrieve, Boolean moveDestination,
                    Boolean mayPrint, Boolean mayCommit, Integer version) implements Serializable {

    static AeDto of(ApplicationEntity e) {
        return new AeDto(e.getId(), e.getAeTitle(), e.getHost(), e.getPort(), e.isTls(), e.getDescription(),
                e.isLocalAe(), e.isMayStore(), e.isMayQuery(), e.isMayRetrieve(), e.isMoveDestination(),
                e.isMayPrint(), e.isMayCommit(), e.getVersion());
    }

    void copyTo(ApplicationEntity e) {
        e.setAeTitle(aeTitle);
        e.setHost(host);
        e.setPort(port);
        e.setTls(tls);
        e.setDescription(description);
        e.setLocalAe(local);
        e.setMayStore(mayStore);
        e.setMayQuery(mayQuery);
        e.setMayRetrieve(mayRetrieve);
        e.setMoveDestination(moveDestination);
        e.setMayPrint(mayPrint);
        e.setMayCommit(mayCommit);
    }

    /**
     * The same AE in normal form: title and host without the spaces that are not significant, and the
     * permissions left open filled in as a new modality or workstation needs them (store, query,
     * retrieve, commit; not a move destination, no printing).
     */
    AeDto normalized() {
        return new AeDto(id, aeTitle == null ? null : aeTitle.strip(), host == null || host.isBlank() ? null
                : host.strip(), port, tls, description, local, or(mayStore, true), or(mayQuery, true),
                or(mayRetrieve, true), or(moveDestination, false), or(mayPrint, false), or(mayCommit, true), version);
    }

    private static Boolean or(Boolean value, boolean otherwise) {
        return value == null ? otherwise : value;
    }
}
