package org.beaconpacs.dicom.io;

import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;

/** Builds the File Meta Information group (PS3.10 7.1) that Beacon PACS writes into its Part 10 files. */
public final class FileMetaInformation {

    /** Our Implementation Class UID (0002,0012), also sent in A-ASSOCIATE user information. */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.54781634405100799750557345342594377336";
    /** Our Implementation Version Name (0002,0013): at most 16 characters. */
    public static final String IMPLEMENTATION_VERSION_NAME = "BEACON_PACS_010";

    private FileMetaInformation() {
    }

    /** The meta group for an instance; {@code sourceAet} may be null. */
    public static Attributes create(String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
                                    String sourceAet) {
        return create(sopClassUid, sopInstanceUid, transferSyntaxUid, sourceAet, null, null);
    }

    /**
     * The meta group with the AE titles of PS3.10 7.1 when known: Source (who created or last wrote the
     * file), Sending and Receiving (the association that brought it).
     */
    public static Attributes create(String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
                                    String sourceAet, String sendingAet, String receivingAet) {
        Attributes fmi = new Attributes(false, 10);
        fmi.setBytes(Tag.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        fmi.setString(Tag.MediaStorageSOPClassUID, VR.UI, sopClassUid);
        fmi.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, sopInstanceUid);
        fmi.setString(Tag.TransferSyntaxUID, VR.UI, transferSyntaxUid);
        fmi.setString(Tag.ImplementationClassUID, VR.UI, IMPLEMENTATION_CLASS_UID);
        fmi.setString(Tag.ImplementationVersionName, VR.SH, IMPLEMENTATION_VERSION_NAME);
        if (sourceAet != null) {
            fmi.setString(Tag.SourceApplicationEntityTitle, VR.AE, sourceAet);
        }
        if (sendingAet != null) {
            fmi.setString(Tag.SendingApplicationEntityTitle, VR.AE, sendingAet);
        }
        if (receivingAet != null) {
            fmi.setString(Tag.ReceivingApplicationEntityTitle, VR.AE, receivingAet);
        }
        return fmi;
    }

    /** The meta group for {@code dataset}, taking SOP Class and Instance UID from it. */
    public static Attributes of(Attributes dataset, String transferSyntaxUid, String sourceAet) {
        return create(dataset.getString(Tag.SOPClassUID), dataset.getString(Tag.SOPInstanceUID),
                transferSyntaxUid, sourceAet);
    }
}
