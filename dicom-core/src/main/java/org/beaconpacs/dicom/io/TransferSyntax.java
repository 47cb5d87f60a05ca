package org.beaconpacs.dicom.io;

import java.util.Map;
import java.util.Set;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.dict.UIDDictionary;

/**
 * How a data set is encoded (PS3.5 section 10): VR explicit or implicit, byte order, deflate, and
 * whether Pixel Data is encapsulated. Every transfer syntax not listed here as native is one of the
 * compressed syntaxes of PS3.5 A.4, all Explicit VR Little Endian with encapsulated pixel data.
 */
public record TransferSyntax(String uid, boolean explicitVR, boolean bigEndian, boolean deflated,
                             boolean encapsulated) {

    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.ImplicitVRLittleEndian, false, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.ExplicitVRLittleEndian, true, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax(UID.ExplicitVRBigEndian, true, true, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.DeflatedExplicitVRLittleEndian, true, false, true, false);

    private static final Map<String, TransferSyntax> NATIVE = Map.of(
            IMPLICIT_VR_LITTLE_ENDIAN.uid, IMPLICIT_VR_LITTLE_ENDIAN,
            EXPLICIT_VR_LITTLE_ENDIAN.uid, EXPLICIT_VR_LITTLE_ENDIAN,
            EXPLICIT_VR_BIG_ENDIAN.uid, EXPLICIT_VR_BIG_ENDIAN,
            DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid, DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);

    /** JPIP Referenced (HTJ2K) Deflate (PS3.5 A.6, A.12): deflated, pixel data referenced, not encapsulated. */
    private static final Set<String> JPIP_REFERENCED_DEFLATE = Set.of(
            UID.JPIPReferencedDeflate, UID.JPIPHTJ2KReferencedDeflate);
    private static final Set<String> JPIP_REFERENCED = Set.of(
            UID.JPIPReferenced, UID.JPIPHTJ2KReferenced);

    /** The transfer syntax of {@code uid}; unknown UIDs are taken as encapsulated Explicit VR Little Endian. */
    public static TransferSyntax of(String uid) {
        TransferSyntax ts = NATIVE.get(uid);
        if (ts != null) {
            return ts;
        }
        if (JPIP_REFERENCED_DEFLATE.contains(uid)) {
            return new TransferSyntax(uid, true, false, true, false);
        }
        if (JPIP_REFERENCED.contains(uid)) {
            return new TransferSyntax(uid, true, false, false, false);
        }
        return new TransferSyntax(uid, true, false, false, true);
    }

    /** True for the uncompressed syntaxes (data can be converted among them by re-encoding). */
    public boolean isNative() {
        return NATIVE.containsKey(uid);
    }

    /** True if {@code uid} is a transfer syntax of PS3.6 Annex A. */
    public static boolean isRegistered(String uid) {
        UIDDictionary.Entry e = UIDDictionary.entry(uid);
        return e != null && e.type().equals("Transfer Syntax");
    }

    public String name() {
        return UIDDictionary.nameOf(uid);
    }

    @Override
    public String toString() {
        return name();
    }
}
