package org.beaconpacs.dicom.net.scu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomFile;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.FileMetaInformation;
import org.beaconpacs.dicom.net.association.AcceptorPolicy;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.testing.TestScp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An association over a channel's socket stores a Part 10 file as stored (the direct path), intact. */
class ChannelSocketsTest {

    @TempDir
    Path dir;

    @Test
    void aFileStoredOverAChannelSocketArrivesWhole() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.78");
        ds.setString(Tag.PatientName, VR.PN, "Channel^Socket");
        byte[] pixels = new byte[700_002];
        new Random(5).nextBytes(pixels);
        ds.setBytes(Tag.PixelData, VR.OB, pixels);
        Path file = dir.resolve("in.dcm");
        try (OutputStream o = Files.newOutputStream(file); DicomWriter w = new DicomWriter(o)) {
            w.writeFile(FileMetaInformation.of(ds, UID.ExplicitVRLittleEndian, "SCU"), ds);
        }
        AcceptorPolicy policy = AcceptorPolicy.builder().calledAeTitles("BEACON").maxPduLength(16_384)
                .accept(UID.SecondaryCaptureImageStorage, UID.ExplicitVRLittleEndian).build();
        Path out = Files.createDirectories(dir.resolve("out"));
        try (TestScp scp = new TestScp(policy, Timeouts.DEFAULT, out)) {
            AAssociateRQ rq = DicomClient.request("SCU", "BEACON");
            rq.addPresentationContext(PresentationContext.rq(1, UID.SecondaryCaptureImageStorage,
                    UID.ExplicitVRLittleEndian));
            try (DicomClient c = DicomClient.connect(ChannelSockets.INSTANCE, "127.0.0.1", scp.port(), rq,
                    Timeouts.DEFAULT)) {
                assertNotNull(c.association().socket().getChannel(), "the socket is a channel's");
                assertEquals(Status.SUCCESS, c.store(file).status());
                c.release();
            }
        }
        DicomFile got = DicomFile.read(out.resolve("1.2.3.78.dcm"));
        assertEquals(ds, got.dataset());
    }
}
