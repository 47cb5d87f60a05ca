package org.beaconpacs.archive.dimse;

import java.util.Map;
import java.util.Set;
import org.beaconpacs.dicom.dict.UID;

/** The DIMSE services the archive offers: the presentation contexts its listeners accept. */
public final class DimseServices {

    private DimseServices() {
    }

    /** Abstract syntax to acceptable transfer syntaxes ("*": any the requestor proposes). */
    public static Map<String, Set<String>> acceptedSopClasses() {
        return Map.of(UID.Verification, Set.of("*"));
    }

    /** SOP classes for which a requestor may take the SCP role (C-GET sub-operations): none yet. */
    public static Set<String> scpRoleSopClasses() {
        return Set.of();
    }
}
