package org.beaconpacs.dicom.net.association;

import static org.beaconpacs.dicom.net.association.MisbehavingPeerTest.FAST;
import static org.beaconpacs.dicom.net.association.MisbehavingPeerTest.policy;
import static org.beaconpacs.dicom.net.association.MisbehavingPeerTest.readPdu;
import static org.beaconpacs.dicom.net.association.MisbehavingPeerTest.verificationAccept;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.pdu.AAbort;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PDUEncoder;
import org.beaconpacs.dicom.net.pdu.PDUType;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.TestScp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A-ABORT in every state where one can arrive or be sent (PS3.8 9.2, actions AA-1 to AA-8). A received
 * A-ABORT closes the connection without an answer (AA-3) and surfaces its source and reason; a local
 * abort sends one and closes. Sta2, Sta5 and an abort inside a data set (Sta6) are in
 * {@link MisbehavingPeerTest}. Sta3, Sta8, Sta9 and Sta12 wait for a local primitive that this module
 * gives synchronously, without reading the socket in between: an A-ABORT that arrives then is read in
 * the state that follows, and handled there as below.
 */
class AbortInEveryStateTest {

    static final AAbort PEER_ABORT = AAbort.byProvider(AAbort.REASON_UNRECOGNIZED_PDU);

    @TempDir
    Path dir;

    /** A scripted acceptor on a loopback port: accepts Verification, then follows {@code script}. */
    interface Script {
        void run(DataInputStream in, OutputStream out) throws IOException;
    }

    static CompletableFuture<Integer> fakeAcceptor(ServerSocket server, Script script) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                DataInputStream in = new DataInputStream(s.getInputStream());
                readPdu(in);
                s.getOutputStream().write(verificationAccept("PEER"));
                script.run(in, s.getOutputStream());
                return in.read(); // what follows our last PDU: -1 is the requestor's close, no answer
            } catch (IOException e) {
                return -2;
            }
        });
    }

    static DicomClient connect(ServerSocket server) throws IOException {
        AAssociateRQ rq = DicomClient.request("BEACON", "PEER");
        rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
        return DicomClient.connect("127.0.0.1", server.getLocalPort(), rq, FAST);
    }

    static void assertAbortedByPeer(AssociationException e, DicomClient c) {
        assertEquals(PEER_ABORT.source(), e.abort().source());
        assertEquals(PEER_ABORT.reason(), e.abort().reason());
        assertEquals(State.STA1, c.association().state());
        assertTrue(c.association().socket().isClosed());
    }

    /**
     * Our requestor does {@code request} against a fake acceptor that follows {@code script} and then aborts:
     * the request ends with the peer's abort, and nothing is sent back before the close.
     */
    private static void abortedByThePeer(Script script, Request request) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> peer = fakeAcceptor(server, (in, out) -> {
                script.run(in, out);
                out.write(PDUEncoder.encode(PEER_ABORT));
            });
            DicomClient c = connect(server);
            AssociationException e = assertThrows(AssociationException.class, () -> request.on(c));
            assertAbortedByPeer(e, c);
            assertEquals(-1, peer.get(10, TimeUnit.SECONDS), "closed, no PDU sent back");
        }
    }

    interface Request {
        void on(DicomClient c) throws IOException;
    }

    /** Sta6, requestor waiting for a response: the A-ABORT ends the request. */
    @Test
    void requestorInSta6() throws Exception {
        abortedByThePeer((in, out) -> assertEquals(PDUType.P_DATA_TF, readPdu(in)), DicomClient::echo); // the C-ECHO-RQ
    }

    /** Sta7, requestor waiting for the A-RELEASE-RP. */
    @Test
    void requestorInSta7() throws Exception {
        abortedByThePeer((in, out) -> assertEquals(PDUType.A_RELEASE_RQ, readPdu(in)), DicomClient::release);
    }

    /** Sta11, requestor side of a release collision, waiting for the A-RELEASE-RP. */
    @Test
    void requestorInSta11() throws Exception {
        abortedByThePeer((in, out) -> {
            assertEquals(PDUType.A_RELEASE_RQ, readPdu(in));
            out.write(PDUEncoder.releaseRQ());
            assertEquals(PDUType.A_RELEASE_RP, readPdu(in)); // we answered: Sta9 -> Sta11
        }, DicomClient::release);
    }

    /** Sta6, acceptor between messages: closes at once, nothing sent back, the connection is released. */
    @Test
    void acceptorInSta6() throws Exception {
        try (TestScp scp = new TestScp(policy(16_384), FAST, dir);
             Socket s = new Socket(InetAddress.getLoopbackAddress(), scp.port())) {
            s.setSoTimeout(5_000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            s.getOutputStream().write(MisbehavingPeerTest.associateRq(16_384));
            assertEquals(PDUType.A_ASSOCIATE_AC, readPdu(in));
            s.getOutputStream().write(PDUEncoder.encode(PEER_ABORT));
            assertEquals(-1, in.read(), "no A-ABORT answers an A-ABORT");
            assertTrue(scp.awaitIdle(5_000));
        }
    }

    /** Sta13, acceptor after its A-ASSOCIATE-RJ: an A-ABORT instead of the close is ignored, the connection closed. */
    @Test
    void acceptorInSta13() throws Exception {
        try (TestScp scp = new TestScp(policy(16_384), FAST, dir);
             Socket s = new Socket(InetAddress.getLoopbackAddress(), scp.port())) {
            s.setSoTimeout(5_000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            AAssociateRQ rq = DicomClient.request("RAW", "NOBODY");
            rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
            s.getOutputStream().write(PDUEncoder.encode(rq));
            assertEquals(PDUType.A_ASSOCIATE_RJ, readPdu(in));
            s.getOutputStream().write(PDUEncoder.encode(PEER_ABORT));
            assertEquals(-1, in.read());
            assertTrue(scp.awaitIdle(5_000));
        }
    }

    /** A local abort in Sta6 reaches the peer as an A-ABORT-RQ from the user; abort in Sta1 does nothing. */
    @Test
    void localAbortInSta6AndSta1() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> peer = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(10_000);
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    readPdu(in);
                    s.getOutputStream().write(verificationAccept("PEER"));
                    int type = in.readUnsignedByte();
                    in.readByte();
                    byte[] body = new byte[in.readInt()];
                    in.readFully(body);
                    // source 0 = service user (PS3.8 9.3.8)
                    return type == PDUType.A_ABORT && body[2] == 0 ? in.read() : 100 + type;
                } catch (IOException e) {
                    return -2;
                }
            });
            DicomClient c = connect(server);
            long start = System.nanoTime();
            c.abort();
            assertEquals(State.STA1, c.association().state());
            assertTrue(c.association().socket().isClosed());
            assertEquals(-1, peer.get(10, TimeUnit.SECONDS), "an A-ABORT from the user, then the close");
            c.abort();
            assertEquals(State.STA1, c.association().state());
            assertFalse(System.nanoTime() - start > 8_000_000_000L, "Sta13 is bounded by ARTIM");
        }
    }
}
