package org.beaconpacs.dicom.net.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.beaconpacs.dicom.dict.UID;
import org.junit.jupiter.api.Test;

/** Real A-ASSOCIATE-RQs from DCMTK's echoscu and storescu decode, and DCMTK understands our A-ASSOCIATE-RJ. */
class DcmtkAssociationRequestTest {

    static void requireDcmtk(String tool) {
        boolean present = Files.isExecutable(Path.of("/usr/bin", tool));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("DCMTK " + tool + " is missing under CI: .ci/run must install dcmtk");
        }
        assumeTrue(present, "DCMTK " + tool + " not installed; skipping");
    }

    @Test
    void echoscuRequestDecodesAndOurRejectionReachesIt() throws Exception {
        requireDcmtk("echoscu");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process echoscu = new ProcessBuilder("echoscu", "-aet", "TESTSCU", "-aec", "BEACON", "-to", "10",
                    "127.0.0.1", Integer.toString(server.getLocalPort())).redirectErrorStream(true).start();
            AAssociateRQ rq;
            try (Socket s = server.accept()) {
                s.setTcpNoDelay(true);
                InputStream in = s.getInputStream();
                PDUReader reader = new PDUReader(in, 16_384);
                assertEquals(PDUType.A_ASSOCIATE_RQ, reader.next());
                rq = PDUDecoder.decodeAssociateRQ(reader.body());
                OutputStream out = s.getOutputStream();
                out.write(PDUEncoder.encode(AAssociateRJ.calledAeTitleNotRecognized()));
                out.flush();
            }
            assertTrue(echoscu.waitFor(30, TimeUnit.SECONDS));
            String output = new String(echoscu.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("BEACON", rq.calledAeTitle());
            assertEquals("TESTSCU", rq.callingAeTitle());
            PresentationContext pc = rq.presentationContexts().iterator().next();
            assertEquals(UID.Verification, pc.abstractSyntax());
            assertTrue(pc.transferSyntaxes().contains(UID.ImplicitVRLittleEndian));
            assertTrue(rq.implementationClassUid().startsWith("1.2.276.0.7230010.3"), rq.implementationClassUid());
            assertTrue(rq.maxPduLength() > 0);
            assertTrue(output.contains("Called AE Title Not Recognized"), output);
            assertNotEquals(0, echoscu.exitValue());
        }
    }

    @Test
    void storescuRequestWithManyContextsDecodes() throws Exception {
        requireDcmtk("storescu");
        Path empty = Files.createTempFile("beacon", ".dcm");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // -R: propose only what the files need; without it storescu proposes its whole default list
            Process storescu = new ProcessBuilder("storescu", "-aet", "MODALITY", "-aec", "BEACON", "-to", "10",
                    "--propose-lossless", "127.0.0.1", Integer.toString(server.getLocalPort()), "--no-halt",
                    "-nh", empty.toString()).redirectErrorStream(true).start();
            try (Socket s = server.accept()) {
                PDUReader reader = new PDUReader(s.getInputStream(), 16_384);
                assertEquals(PDUType.A_ASSOCIATE_RQ, reader.next());
                AAssociateRQ rq = PDUDecoder.decodeAssociateRQ(reader.body());
                assertTrue(rq.presentationContexts().size() > 50, "storescu proposes its storage classes");
                long lossless = 0;
                for (PresentationContext pc : rq.presentationContexts()) {
                    assertEquals(1, pc.id() & 1, "odd IDs");
                    if (pc.transferSyntaxes().contains(UID.JPEGLosslessSV1)) {
                        lossless++;
                    }
                }
                // --propose-lossless: a lossless context beside an uncompressed one for each class
                assertEquals(rq.presentationContexts().size() / 2, lossless);
                s.getOutputStream().write(PDUEncoder.encode(AAbort.byUser()));
            }
            storescu.waitFor(30, TimeUnit.SECONDS);
        } finally {
            Files.deleteIfExists(empty);
        }
    }
}
