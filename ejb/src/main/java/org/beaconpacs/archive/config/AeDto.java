package org.beaconpacs.archive.config;

import java.io.Serializable;
import java.util.List;
import org.beaconpacs.archive.entity.config.ApplicationEntity;
import org.beaconpacs.dicom.dict.UIDDictionary;

/**
 * An application entity as the services, the REST API and the console see it (and as the AE cache
 * keeps it): a value, detached from JPA.
 *
 * @param storageSopClasses for a local AE, the storage SOP classes it accepts (UIDs, or keywords such as
 *     {@code CTImageStorage} on input); null or empty: every storage SOP class
 */
public record AeDto(Long id, String aeTitle, String host, Integer port, boolean tls, String description,
                    boolean local, Boolean mayStore, Boolean mayQuery, Boolean mayRetrieve, Boolean moveDestination,
                    Boolean mayPrint, Boolean mayCommit, Integer version, List<String> storageSopClasses)
        implements Serializable {

    static AeDto of(ApplicationEntity e) {
        return new AeDto(e.getId(), e.getAeTitle(), e.getHost(), e.getPort(), e.isTls(), e.getDescription(),
                e.isLocalAe(), e.isMayStore(), e.isMayQuery(), e.isMayRetrieve(), e.isMoveDestination(),
                e.isMayPrint(), e.isMayCommit(), e.getVersion(), e.getStorageSopClasses() == null ? null
                        : List.of(e.getStorageSopClasses().split("\\\\")));
    }

    /** True when this AE accepts only some storage SOP classes. */
    public boolean restrictsStorage() {
        return storageSopClasses != null && !storageSopClasses.isEmpty();
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
        e.setStorageSopClasses(local && restrictsStorage() ? String.join("\\", storageSopClasses) : null);
    }

    /**
     * The same AE in normal form: title and host without the spaces that are not significant, and the
     * permissions left open filled in as a new modality or workstation needs them (store, query,
     * retrieve, commit; not a move destination, no printing).
     */
    AeDto normalized() {
        return new AeDto(id, aeTitle == null ? null : aeTitle.strip(), host == null || host.isBlank() ? null
                : host.strip(), port, tls, description, local, or(mayStore, true), or(mayQuery, true),
                or(mayRetrieve, true), or(moveDestination, false), or(mayPrint, false), or(mayCommit, true), version,
                storageSopClasses == null ? null : storageSopClasses.stream().filter(c -> c != null && !c.isBlank())
                        .map(AeDto::uidOf).distinct().sorted().toList());
    }

    /** A storage SOP class UID from a UID or its keyword (CTImageStorage); anything else as it is. */
    private static String uidOf(String uidOrKeyword) {
        String s = uidOrKeyword.strip();
        UIDDictionary.Entry byKeyword = UIDDictionary.byKeyword(s);
        return byKeyword != null ? byKeyword.uid() : s;
    }

    private static Boolean or(Boolean value, boolean otherwise) {
        return value == null ? otherwise : value;
    }
}
