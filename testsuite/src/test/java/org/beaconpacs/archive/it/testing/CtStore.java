package org.beaconpacs.archive.it.testing;

import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;

/** C-STORE of CT images in Explicit VR Little Endian to the test server, with our own client. */
public final class CtStore {

    private CtStore() {
    }

    /** An association of {@code callingAe} proposing CT Image Storage in Explicit VR Little Endian. */
    public static DicomClient client(String callingAe) throws Exception {
        return client(callingAe, Beacon.dicomPort());
    }

    /** Like {@link #client(String)}, to the server listening on {@code port}. */
    public static DicomClient client(String callingAe, int port) throws Exception {
        AAssociateRQ rq = DicomClient.request(callingAe, Beacon.AE_TITLE);
        rq.addPresentationContext(PresentationContext.rq(1, UID.CTImageStorage, UID.ExplicitVRLittleEndian));
        return DicomClient.connect(Beacon.HOST, port, rq, Timeouts.DEFAULT);
    }

    /**
     * Stores synthetic CTs numbered {@code first} to {@code last} (1 KiB of pixel data each) into one
     * series, each answered with success.
     */
    public static void storeSeries(DicomClient c, String patientId, String patientName, String study,
                                   String series, int first, int last) throws Exception {
        for (int i = first; i <= last; i++) {
            Attributes ds = Synthetic.ct(patientId, patientName, study, series, i, 1024);
            Command rsp = store(c, ds.getString(Tag.SOPInstanceUID), Synthetic.encode(ds));
            if (rsp.status() != 0) {
                throw new AssertionError("instance " + i + ": status " + Integer.toHexString(rsp.status()));
            }
        }
    }

    /** Stores an encoded data set; the C-STORE-RSP. */
    public static Command store(DicomClient c, String iuid, byte[] dataset) throws Exception {
        return c.store(UID.CTImageStorage, iuid, UID.ExplicitVRLittleEndian, (out, ts) -> out.write(dataset));
    }
}
