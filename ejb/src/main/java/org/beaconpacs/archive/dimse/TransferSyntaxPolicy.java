package org.beaconpacs.archive.dimse;

import java.util.Set;
import java.util.stream.Collectors;
import org.beaconpacs.dicom.dict.UIDDictionary;
import org.beaconpacs.dicom.io.TransferSyntax;

/** Which transfer syntaxes a service's presentation contexts accept. */
public enum TransferSyntaxPolicy {
    /** Any proposed: the service exchanges no data set whose encoding matters (Verification). */
    ANY(Set.of("*")),
    /** Every transfer syntax of PS3.6, compressed ones kept as received (Storage). */
    AS_RECEIVED(UIDDictionary.all().stream().filter(e -> e.type().equals("Transfer Syntax"))
            .map(UIDDictionary.Entry::uid).collect(Collectors.toUnmodifiableSet())),
    /** The uncompressed ones the archive reads and writes itself (identifiers, N- attribute lists). */
    NATIVE(Set.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
            TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.uid(), TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid()));

    private final Set<String> uids;

    TransferSyntaxPolicy(Set<String> uids) {
        this.uids = uids;
    }

    /** The acceptable transfer syntax UIDs; "*" accepts whatever is proposed. */
    public Set<String> uids() {
        return uids;
    }
}
