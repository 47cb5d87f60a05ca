package org.beaconpacs.archive.dimse;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.dict.UIDDictionary;

/** The DIMSE services the archive offers: the presentation contexts its listeners accept. */
public final class DimseServices {

    /** Every transfer syntax of PS3.6 (compressed ones are stored as received). */
    private static final Set<String> ALL_TRANSFER_SYNTAXES = UIDDictionary.all().stream()
            .filter(e -> e.type().equals("Transfer Syntax")).map(UIDDictionary.Entry::uid)
            .collect(Collectors.toUnmodifiableSet());

    private DimseServices() {
    }

    /**
     * Abstract syntax to acceptable transfer syntaxes ("*": any the requestor proposes): Verification,
     * and every Storage SOP Class with every registered transfer syntax.
     */
    public static Map<String, Set<String>> acceptedSopClasses() {
        Map<String, Set<String>> accepted = new HashMap<>();
        accepted.put(UID.Verification, Set.of("*"));
        for (String storage : UIDDictionary.storageSopClasses()) {
            accepted.put(storage, ALL_TRANSFER_SYNTAXES);
        }
        return accepted;
    }

    /** SOP classes for which a requestor may take the SCP role (C-GET sub-operations): none yet. */
    public static Set<String> scpRoleSopClasses() {
        return Set.of();
    }
}
