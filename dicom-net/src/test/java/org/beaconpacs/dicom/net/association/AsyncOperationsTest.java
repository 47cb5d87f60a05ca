package org.beaconpacs.dicom.net.association;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.FileMetaInformation;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.TestScp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With an asynchronous operations window the SCU keeps several C-STOREs outstanding; the SCP answers in order. */
class AsyncOperationsTest {

    @TempDir
    Path dir;

    @Test
    void storesWithEightOutstandingAndEveryResponseMatched() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Attributes ds = new Attributes();
            ds.setString(Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage);
            ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.99." + i);
            ds.setBytes(Tag.PixelData, VR.OB, new byte[20_000]);
            Path f = in.resolve(i + ".dcm");
            try (OutputStream out = Files.newOutputStream(f); DicomWriter w = new DicomWriter(out)) {
                w.writeFile(FileMetaInformation.of(ds, UID.ExplicitVRLittleEndian, "TEST"), ds);
            }
            files.add(f);
        }
        AcceptorPolicy policy = AcceptorPolicy.builder().calledAeTitles("BEACON")
                .accept(UID.SecondaryCaptureImageStorage, UID.ExplicitVRLittleEndian).maxOperationsPerformed(8).build();
        Path out = Files.createDirectories(dir.resolve("out"));
        try (TestScp scp = new TestScp(policy, Timeouts.DEFAULT, out)) {
            AAssociateRQ rq = DicomClient.request("ASYNC", "BEACON");
            rq.addPresentationContext(PresentationContext.rq(1, UID.SecondaryCaptureImageStorage,
                    UID.ExplicitVRLittleEndian));
            rq.setAsyncOperationsWindow(16, 1);
            try (DicomClient c = DicomClient.connect(javax.net.SocketFactory.getDefault(),
                    new SocketSettings(256 * 1024, 256 * 1024), "127.0.0.1", scp.port(), rq, Timeouts.DEFAULT)) {
                assertEquals(8, c.association().associateAccept().maxOperationsInvoked(), "window granted");
                List<Command> responses = c.storeAll(files);
                for (int i = 0; i < files.size(); i++) {
                    assertEquals(Status.SUCCESS, responses.get(i).status());
                    assertEquals("1.2.3.99." + i, responses.get(i).affectedSopInstanceUid(), "matched by Message ID");
                }
                assertEquals(8, c.maxOutstanding());
                c.release();
            }
            assertEquals(40, scp.stored());
        }
    }
}
