package org.beaconpacs.dicom.net.association;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.TestScp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a message leaves for the socket: a small one (command and identifier, a C-FIND answer) in a single
 * write, a large one in writes of several PDUs each where the peer's PDUs are small, and never a PDU
 * longer than the peer's maximum.
 */
class PduWritesTest {

    private static final int PEER_MAX_PDU = 16_384;

    @TempDir
    Path dir;

    @Test
    void aSmallMessageLeavesInOneWriteAndALargeOneInFewWritesOfPdusNoLongerThanThePeersMaximum()
            throws Exception {
        DataPathCopiesTest.Arrays written = new DataPathCopiesTest.Arrays();
        byte[] large = new byte[3 * 1024 * 1024];
        new Random(3).nextBytes(large);
        try (TestScp scp = new TestScp(MisbehavingPeerTest.policy(PEER_MAX_PDU), Timeouts.DEFAULT, dir)) {
            AAssociateRQ rq = DicomClient.request("WRITES", "BEACON");
            rq.addPresentationContext(PresentationContext.rq(1, UID.SecondaryCaptureImageStorage,
                    UID.ExplicitVRLittleEndian));
            try (DicomClient c = DicomClient.connect(DataPathCopiesTest.recording(written), "127.0.0.1", scp.port(),
                    rq, Timeouts.DEFAULT)) {
                int before = written.calls;
                var rsp = c.store(UID.SecondaryCaptureImageStorage, "1.2.3.1", UID.ExplicitVRLittleEndian,
                        (out, ts) -> out.write(new byte[200]));
                assertEquals(Status.SUCCESS, rsp.status());
                assertEquals(1, written.calls - before, "command and data set of a small message: one write");

                before = written.calls;
                written.keep = true;
                rsp = c.store(UID.SecondaryCaptureImageStorage, "1.2.3.2", UID.ExplicitVRLittleEndian,
                        (out, ts) -> DataWriter.copy(new java.io.ByteArrayInputStream(large), out));
                written.keep = false;
                assertEquals(Status.SUCCESS, rsp.status());
                int pdus = checkPdus(written.kept.toByteArray());
                int writes = written.calls - before;
                assertTrue(pdus > 190, pdus + " PDUs");
                assertTrue(writes * 4 < pdus, writes + " writes for " + pdus + " PDUs");
                c.release();
            }
        }
    }

    /** The number of P-DATA-TF PDUs in {@code bytes}, each checked against the peer's maximum length. */
    private static int checkPdus(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int n = 0;
        while (b.hasRemaining()) {
            assertEquals(0x04, b.get() & 0xff, "P-DATA-TF");
            b.get();
            int length = b.getInt();
            assertTrue(length <= PEER_MAX_PDU, "PDU of " + length + " bytes, peer's maximum " + PEER_MAX_PDU);
            b.position(b.position() + length);
            n++;
        }
        return n;
    }
}
