package org.beaconpacs.dicom.net.association;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomFile;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PDUEncoder;
import org.beaconpacs.dicom.net.pdu.PDUType;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.TestScp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw-socket peers that break the protocol: each one ends in an A-ABORT or a clean close within ARTIM,
 * and the SCP is left with no connection in service (no leaked thread or socket).
 */
class MisbehavingPeerTest {

    static final Timeouts FAST = Timeouts.DEFAULT.withArtim(Duration.ofSeconds(1)).withIdle(Duration.ofSeconds(5));

    @TempDir
    Path dir;

    static AcceptorPolicy policy(long maxPdu) {
        return NegotiationTest.base().accept(UID.SecondaryCaptureImageStorage, UID.ExplicitVRLittleEndian)
                .maxPduLength(maxPdu).build();
    }

    static byte[] associateRq(long maxPdu) {
        AAssociateRQ rq = DicomClient.request("RAW", "BEACON");
        rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
        rq.setMaxPduLength(maxPdu);
        return PDUEncoder.encode(rq);
    }

    /** Reads PDUs until an A-ABORT (true) or the end of the stream (false). */
    static boolean abortedOrClosed(Socket s) throws Exception {
        s.setSoTimeout(10_000);
        DataInputStream in = new DataInputStream(s.getInputStream());
        while (true) {
            int type = in.read();
            if (type < 0) {
                return false;
            }
            in.readByte();
            int length = in.readInt();
            in.skipNBytes(length);
            if (type == PDUType.A_ABORT) {
                return true;
            }
        }
    }

    @Test
    void pDataBeforeTheAssociationIsAborted() throws Exception {
        try (TestScp scp = new TestScp(policy(16_384), FAST, dir);
             Socket s = new Socket(InetAddress.getLoopbackAddress(), scp.port())) {
            s.getOutputStream().write(new byte[] {0x04, 0, 0, 0, 0, 8, 0, 0, 0, 4, 1, 3, 0, 0});
            assertTrue(abortedOrClosed(s));
            assertTrue(scp.awaitIdle(5_000));
        }
    }

    @Test
    void aTruncatedPduFollowedByCloseLeavesNothingBehind() throws Exception {
        try (TestScp scp = new TestScp(policy(16_384), FAST, dir)) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), scp.port())) {
                byte[] rq = associateRq(16_384);
                s.getOutputStream().write(rq, 0, rq.length / 2);
            }
            assertTrue(scp.awaitIdle(5_000));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), scp.port())) {
                s.getOutputStream().write(associateRq(16_384));
                InputStream in = s.getInputStream();
                s.setSoTimeout(5_000);
                assertEquals(PDUType.A_ASSOCIATE_AC, in.read());
                // established, then the peer vanishes without A-RELEASE-RQ or A-ABORT
            }
            assertTrue(scp.awaitIdle(5_000), "a vanished peer frees its association");
        }
    }

    @Test
    void aPduLongerThanOurMaximumIsAborted() throws Exception {
        try (TestScp scp = new TestScp(policy(4_096), FAST, dir);
             Socket s = new Socket(InetAddress.getLoopbackAddress(), scp.port())) {
            OutputStream out = s.getOutputStream();
            out.write(associateRq(16_384));
            s.setSoTimeout(5_000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            assertEquals(PDUType.A_ASSOCIATE_AC, readPdu(in));
            out.write(new byte[] {0x04, 0, 0, 1, 0, 0}); // P-DATA-TF of 65,536 bytes against our 4,096
            assertTrue(abortedOrClosed(s));
            assertTrue(scp.awaitIdle(5_000));
        }
    }

    @Test
    void fourKilobytePdusOnOneSideAndAMegabyteOnTheOther() throws Exception {
        try (TestScp scp = new TestScp(policy(4_096), FAST, dir)) {
            AAssociateRQ rq = DicomClient.request("BIGPDU", "BEACON");
            rq.setMaxPduLength(1 << 20);
            rq.addPresentationContext(PresentationContext.rq(1, UID.SecondaryCaptureImageStorage,
                    UID.ExplicitVRLittleEndian));
            Attributes ds = new Attributes();
            ds.setString(Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage);
            ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4096");
            byte[] pixels = new byte[1_000_002]; // not a multiple of the 4,090-byte fragments
            new java.util.Random(7).nextBytes(pixels);
            ds.setBytes(Tag.PixelData, VR.OB, pixels);
            try (DicomClient c = DicomClient.connect("127.0.0.1", scp.port(), rq, FAST)) {
                assertEquals(4_096, c.association().associateAccept().maxPduLength());
                assertEquals(Status.SUCCESS, c.store(UID.SecondaryCaptureImageStorage, "1.2.3.4096",
                        UID.ExplicitVRLittleEndian, (out, ts) -> {
                            DicomWriter w = new DicomWriter(out);
                            w.writeDataset(ds, TransferSyntax.of(ts));
                            w.flush();
                        }).status());
                c.release();
            }
            assertEquals(ds, DicomFile.read(dir.resolve("1.2.3.4096.dcm")).dataset());
        }
    }

    @Test
    void aPeerThatNeverAnswersTheReleaseIsAbortedAfterArtim() throws Exception {
        try (ServerSocket fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = fake.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    readPdu(in);
                    s.getOutputStream().write(verificationAccept("SILENT"));
                    in.readAllBytes(); // swallows the A-RELEASE-RQ and never answers
                } catch (java.io.IOException ignored) {
                    // the client aborts
                }
            });
            acceptor.start();
            AAssociateRQ rq = DicomClient.request("BEACON", "SILENT");
            rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
            DicomClient c = DicomClient.connect("127.0.0.1", fake.getLocalPort(), rq, FAST);
            long start = System.nanoTime();
            assertThrows(AssociationException.class, c::release);
            assertEquals(State.STA1, c.association().state());
            assertTrue(c.association().socket().isClosed());
            acceptor.join(10_000);
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "bounded by ARTIM, not by the peer");
        }
    }

    /** PS3.8 release collision, requestor side: Sta7 -> Sta9 -> Sta11 -> Sta1 with an A-RELEASE-RP each way. */
    @Test
    void aReleaseCollisionEndsInAnOrderlyRelease() throws Exception {
        try (ServerSocket fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            java.util.concurrent.atomic.AtomicReference<String> seen = new java.util.concurrent.atomic.AtomicReference<>();
            Thread acceptor = new Thread(() -> {
                try (Socket s = fake.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    OutputStream out = s.getOutputStream();
                    readPdu(in);
                    out.write(verificationAccept("PEER"));
                    int first = readPdu(in); // our A-RELEASE-RQ
                    out.write(PDUEncoder.releaseRQ()); // the peer releases too: a collision
                    int second = readPdu(in); // our A-RELEASE-RP (requestor answers first, PS3.8 9.2.7)
                    out.write(PDUEncoder.releaseRP());
                    seen.set(first + "," + second + "," + in.read());
                } catch (java.io.IOException e) {
                    seen.set("error " + e);
                }
            });
            acceptor.start();
            AAssociateRQ rq = DicomClient.request("BEACON", "PEER");
            rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
            DicomClient c = DicomClient.connect("127.0.0.1", fake.getLocalPort(), rq, FAST);
            c.release();
            acceptor.join(10_000);
            assertEquals(PDUType.A_RELEASE_RQ + "," + PDUType.A_RELEASE_RP + ",-1", seen.get());
            assertEquals(State.STA1, c.association().state());
        }
    }

    /** An A-ABORT received while waiting for the A-ASSOCIATE-RQ just closes (PS3.8 AA-2), no abort back. */
    @Test
    void anAbortInsteadOfARequestIsNotAnswered() throws Exception {
        try (TestScp scp = new TestScp(policy(16_384), FAST, dir);
             Socket s = new Socket(InetAddress.getLoopbackAddress(), scp.port())) {
            s.getOutputStream().write(PDUEncoder.encode(org.beaconpacs.dicom.net.pdu.AAbort.byUser()));
            s.setSoTimeout(5_000);
            assertEquals(-1, s.getInputStream().read());
            assertTrue(scp.awaitIdle(5_000));
        }
    }

    /** Sta5: an A-ABORT instead of the A-ASSOCIATE-AC ends the request with the abort's source and reason. */
    @Test
    void anAbortInsteadOfTheAcceptReachesTheRequestor() throws Exception {
        try (ServerSocket fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = fake.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    readPdu(in);
                    s.getOutputStream().write(PDUEncoder.encode(org.beaconpacs.dicom.net.pdu.AAbort.byProvider(
                            org.beaconpacs.dicom.net.pdu.AAbort.REASON_UNEXPECTED_PDU_PARAMETER)));
                    in.readAllBytes();
                } catch (java.io.IOException ignored) {
                    // closed by the client
                }
            });
            acceptor.start();
            AAssociateRQ rq = DicomClient.request("BEACON", "PEER");
            rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
            AssociationException e = assertThrows(AssociationException.class,
                    () -> DicomClient.connect("127.0.0.1", fake.getLocalPort(), rq, FAST));
            assertEquals(org.beaconpacs.dicom.net.pdu.AAbort.REASON_UNEXPECTED_PDU_PARAMETER, e.abort().reason());
            acceptor.join(10_000);
        }
    }

    /** Sta6: an A-ABORT in the middle of a data set ends the store unanswered and stores nothing. */
    @Test
    void anAbortInTheMiddleOfADataSetStoresNothing() throws Exception {
        try (TestScp scp = new TestScp(policy(16_384), FAST, dir);
             Socket s = new Socket(InetAddress.getLoopbackAddress(), scp.port())) {
            AAssociateRQ rq = DicomClient.request("RAW", "BEACON");
            rq.addPresentationContext(PresentationContext.rq(1, UID.SecondaryCaptureImageStorage,
                    UID.ExplicitVRLittleEndian));
            OutputStream out = s.getOutputStream();
            out.write(PDUEncoder.encode(rq));
            s.setSoTimeout(5_000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            assertEquals(PDUType.A_ASSOCIATE_AC, readPdu(in));
            byte[] command = org.beaconpacs.dicom.net.dimse.CommandCodec.encode(
                    org.beaconpacs.dicom.net.dimse.Command.cStoreRQ(1, UID.SecondaryCaptureImageStorage, "1.2.3.5", 0));
            out.write(pdata(1, 3, command));                        // the whole command, last fragment
            out.write(pdata(1, 0, new byte[] {8, 0, 0x16, 0, 'U', 'I'})); // a first data fragment, not last
            out.write(PDUEncoder.encode(org.beaconpacs.dicom.net.pdu.AAbort.byUser()));
            out.flush();
            assertTrue(scp.awaitIdle(5_000), "the association ended");
            assertEquals(0, scp.stored());
        }
    }

    /** Reads one whole PDU and returns its type. */
    static int readPdu(DataInputStream in) throws java.io.IOException {
        int type = in.readUnsignedByte();
        in.readByte();
        in.skipNBytes(in.readInt());
        return type;
    }

    /** The A-ASSOCIATE-AC a fake acceptor sends: Verification accepted on context 1. */
    static byte[] verificationAccept(String calledAeTitle) {
        org.beaconpacs.dicom.net.pdu.AAssociateAC ac = new org.beaconpacs.dicom.net.pdu.AAssociateAC();
        ac.setCalledAeTitle(calledAeTitle);
        ac.setCallingAeTitle("BEACON");
        ac.addPresentationContext(PresentationContext.ac(1, 0, UID.ImplicitVRLittleEndian));
        return PDUEncoder.encode(ac);
    }

    private static byte[] pdata(int pcid, int control, byte[] fragment) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 + fragment.length);
        b.put((byte) 4).put((byte) 0).putInt(6 + fragment.length).putInt(2 + fragment.length)
                .put((byte) pcid).put((byte) control).put(fragment);
        return b.array();
    }
}
