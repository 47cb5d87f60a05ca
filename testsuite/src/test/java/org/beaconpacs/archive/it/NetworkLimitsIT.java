package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many peers at once: concurrent associations, the association limit (answered, not dropped), and
 * peers that connect and say nothing or something malformed, who must hold up nobody.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NetworkLimitsIT {

    /** BEACON_MAX_ASSOCIATIONS as the test server runs (the default). */
    private static final int LIMIT = 100;
    /** BEACON_ARTIM_SECONDS of the test phase (see the pom). */
    private static final int ARTIM_SECONDS = 5;

    private static List<String> echoscu(String calling) {
        return List.of("echoscu", "-aet", calling, "-aec", Beacon.AE_TITLE, Beacon.HOST,
                String.valueOf(Beacon.dicomPort()));
    }

    @Test
    void sixtyFourConcurrentEchoscuAssociationsAllSucceed() throws Exception {
        Dcmtk.require("echoscu");
        List<Process> running = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ProcessBuilder pb = new ProcessBuilder(echoscu("PARALLEL" + i)).redirectErrorStream(true);
            pb.environment().put("TCP_NODELAY", "1");
            running.add(pb.start());
        }
        int failed = 0;
        StringBuilder why = new StringBuilder();
        for (Process p : running) {
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                failed++;
                why.append(out).append('\n');
            }
        }
        assertEquals(0, failed, why.toString());
    }

    @Test
    void beyondTheLimitAssociationsAreRejectedNotDropped() throws Exception {
        Dcmtk.require("echoscu");
        List<DicomClient> held = new ArrayList<>();
        try {
            for (int i = 0; i < LIMIT; i++) {
                held.add(associate("HOLDER"));
            }
            Dcmtk.Result extra = Dcmtk.run(echoscu("EXTRA").toArray(String[]::new));
            assertNotEquals(0, extra.exitCode());
            assertTrue(extra.output().contains("Rejected Transient"), extra.output());
            assertTrue(extra.output().contains("Reason: Local Limit Exceeded"), extra.output());
            // the held ones still work
            assertEquals(0, held.get(LIMIT - 1).echo());
        } finally {
            for (DicomClient c : held) {
                c.release();
            }
        }
        assertEquals(0, Dcmtk.run(echoscu("AFTER").toArray(String[]::new)).exitCode(), "room again after release");
    }

    @Test
    void idleAndMalformedConnectionsHoldUpNobodyAndAreClosedWithinArtim() throws Exception {
        Dcmtk.require("echoscu");
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) {
                silent.add(connect());
            }
            // an A-ASSOCIATE-RQ whose header promises 200 bytes, of which only 10 come
            Socket truncated = connect();
            truncated.getOutputStream().write(new byte[] {0x01, 0, 0, 0, 0, (byte) 200, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0});
            truncated.getOutputStream().flush();
            silent.add(truncated);
            // and one whose items make no sense: its length covers an unknown protocol layout
            Socket garbage = connect();
            byte[] junk = new byte[80];
            junk[0] = 0x01;
            junk[5] = 74;
            java.util.Arrays.fill(junk, 6, 80, (byte) 0x7F);
            garbage.getOutputStream().write(junk);
            garbage.getOutputStream().flush();
            silent.add(garbage);

            Dcmtk.Result echo = Dcmtk.run(echoscu("BUSYNET").toArray(String[]::new));
            assertEquals(0, echo.exitCode(), echo.output());
            assertTrue(stillOpen(silent.get(0)), "the echo did not wait for the silent peers to go");

            for (Socket s : silent) {
                assertClosedByServer(s);
            }
        } finally {
            for (Socket s : silent) {
                s.close();
            }
        }
    }

    private static DicomClient associate(String calling) throws IOException {
        AAssociateRQ rq = DicomClient.request(calling, Beacon.AE_TITLE);
        rq.addPresentationContext(PresentationContext.rq(1, UID.Verification,
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid()));
        return DicomClient.connect(Beacon.HOST, Beacon.dicomPort(), rq, Timeouts.DEFAULT);
    }

    private static Socket connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(Beacon.HOST, Beacon.dicomPort()), 5000);
        return s;
    }

    private static boolean stillOpen(Socket s) throws IOException {
        s.setSoTimeout(1);
        try {
            return s.getInputStream().read() >= 0;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }

    /** The server answers (A-ASSOCIATE-RJ or A-ABORT) and closes, within ARTIM and a margin. */
    private static void assertClosedByServer(Socket s) throws IOException {
        s.setSoTimeout((ARTIM_SECONDS + 10) * 1000);
        InputStream in = s.getInputStream();
        try {
            int first = in.read();
            while (first >= 0 && in.read() >= 0) {
                // an A-ASSOCIATE-RJ (type 3) or A-ABORT (type 7) may come before the close
            }
            assertTrue(first == -1 || first == 0x03 || first == 0x07, "unexpected PDU type " + first);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("a silent connection was still open after the ARTIM time");
        } catch (java.net.SocketException reset) {
            // closed with unread input: a reset is a close too
        }
    }
}
