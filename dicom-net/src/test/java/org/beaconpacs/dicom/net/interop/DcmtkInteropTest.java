package org.beaconpacs.dicom.net.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.dict.UIDDictionary;
import org.beaconpacs.dicom.io.DicomFile;
import org.beaconpacs.dicom.net.association.AcceptorPolicy;
import org.beaconpacs.dicom.net.association.AssociationException;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRJ;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.net.testing.TestScp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dicom-net against DCMTK in both directions, over real loopback sockets. */
class DcmtkInteropTest {

    static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    /** Sample files and the storescu option that proposes their transfer syntax. */
    static final java.util.Map<String, String> SAMPLES = new java.util.LinkedHashMap<>();

    static {
        SAMPLES.put("CT_small.dcm", "-xe");
        SAMPLES.put("MR_small_implicit.dcm", "-xi");
        SAMPLES.put("MR_small_bigendian.dcm", "-xb");
        SAMPLES.put("image_dfl.dcm", "-xd");
        SAMPLES.put("JPEG2000.dcm", "-xw");
        SAMPLES.put("MR_small_jp2klossless.dcm", "-xv");
        SAMPLES.put("MR_small_jpeg_ls_lossless.dcm", "-xt");
        SAMPLES.put("MR_small_RLE.dcm", "-xr");
        SAMPLES.put("SC_rgb_jpeg_dcmtk.dcm", "-xy");
        SAMPLES.put("JPGExtended.dcm", "-xx");
    }

    static final Timeouts FAST = Timeouts.DEFAULT.withArtim(Duration.ofSeconds(2));

    @TempDir
    Path dir;

    static AcceptorPolicy policy(String... calledAeTitles) {
        AcceptorPolicy.Builder b = AcceptorPolicy.builder().calledAeTitles(calledAeTitles)
                .accept(UID.Verification, UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian)
                .accept(UID.StudyRootQueryRetrieveInformationModelFind, UID.ImplicitVRLittleEndian,
                        UID.ExplicitVRLittleEndian);
        for (String cuid : UIDDictionary.storageSopClasses()) {
            b.accept(cuid, "*");
        }
        return b.build();
    }

    static List<Path> samples() {
        Dcmtk.require("storescu");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(PYDICOM)
                || "true".equalsIgnoreCase(System.getenv("CI")), "python3-pydicom not installed");
        List<Path> files = new ArrayList<>();
        for (String s : SAMPLES.keySet()) {
            if (Files.exists(PYDICOM.resolve(s))) {
                files.add(PYDICOM.resolve(s));
            }
        }
        assertTrue(files.size() >= 6, "pydicom samples present");
        return files;
    }

    @Test
    void echoscuVerifiesOurScp() throws Exception {
        Dcmtk.require("echoscu");
        try (TestScp scp = new TestScp(policy("BEACON"), FAST, dir)) {
            Dcmtk.Result r = Dcmtk.run("echoscu", "-aec", "BEACON", "-aet", "ECHOSCU", "127.0.0.1",
                    Integer.toString(scp.port()));
            assertEquals(0, r.exitCode(), r.output());
        }
    }

    @Test
    void findscuReceivesEveryPendingMatchAndCanCancel() throws Exception {
        Dcmtk.require("findscu");
        try (TestScp scp = new TestScp(policy("BEACON"), FAST, dir)) {
            Dcmtk.Result all = Dcmtk.run("findscu", "-v", "-S", "-aec", "BEACON", "-k", "QueryRetrieveLevel=STUDY",
                    "-k", "StudyInstanceUID", "127.0.0.1", Integer.toString(scp.port()));
            assertEquals(0, all.exitCode(), all.output());
            assertEquals(5, all.output().split("\\(Pending\\)", -1).length - 1, all.output());
            assertTrue(all.output().contains("1.2.3.4.5"), all.output());

            Dcmtk.Result cancelled = Dcmtk.run("findscu", "-v", "-S", "--cancel", "1", "-aec", "BEACON",
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID", "127.0.0.1",
                    Integer.toString(scp.port()));
            assertEquals(0, cancelled.exitCode(), cancelled.output());
            assertTrue(cancelled.output().contains("Cancel"), cancelled.output());
            assertEquals(1, scp.cancelled(), "our responder saw the C-CANCEL");
        }
    }

    @Test
    void termscuIsTurnedAwayAndTheScpGoesOn() throws Exception {
        Dcmtk.require("termscu");
        Dcmtk.require("echoscu");
        try (TestScp scp = new TestScp(policy("BEACON"), FAST, dir)) {
            // termscu proposes DCMTK's private shutdown SOP class, which we do not support
            Dcmtk.run("termscu", "127.0.0.1", Integer.toString(scp.port()));
            Dcmtk.Result r = Dcmtk.run("echoscu", "-aec", "BEACON", "127.0.0.1", Integer.toString(scp.port()));
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(scp.awaitIdle(5_000));
        }
    }

    @Test
    void unknownCalledAeTitleIsRejectedWithTheRightReason() throws Exception {
        Dcmtk.require("echoscu");
        try (TestScp scp = new TestScp(policy("BEACON"), FAST, dir)) {
            Dcmtk.Result r = Dcmtk.run("echoscu", "-aec", "NOBODY", "127.0.0.1", Integer.toString(scp.port()));
            assertTrue(r.exitCode() != 0);
            assertTrue(r.output().contains("Called AE Title Not Recognized"), r.output());
        }
    }

    @Test
    void storescuSendsEveryTransferSyntaxAndWeStoreItAsReceived() throws Exception {
        List<Path> files = samples();
        try (TestScp scp = new TestScp(policy("BEACON"), FAST, dir)) {
            for (Path f : files) {
                // the option makes storescu propose the file's own syntax, so it travels as it is
                Dcmtk.Result r = Dcmtk.run("storescu", SAMPLES.get(f.getFileName().toString()), "-aec", "BEACON",
                        "-aet", "MODALITY", "127.0.0.1", Integer.toString(scp.port()), f.toString());
                assertEquals(0, r.exitCode(), f + ": " + r.output());
                DicomFile original = DicomFile.read(f);
                Path received = dir.resolve(original.dataset().getString(Tag.SOPInstanceUID) + ".dcm");
                DicomFile got = DicomFile.read(received);
                assertEquals(original.transferSyntax().uid(), got.transferSyntax().uid(), f + " stored as received");
                assertEquals(withoutTrailingPadding(original.dataset()), withoutTrailingPadding(got.dataset()),
                        f + " content");
            }
            assertEquals(files.size(), scp.stored());
        }
    }

    /** Many files and a big one on one association: 60 small objects and a 64 MB one from storescu. */
    @Test
    void storescuSendsManyFilesAndABigOneOnOneAssociation() throws Exception {
        Dcmtk.require("storescu");
        Path in = java.nio.file.Files.createDirectories(dir.resolve("in"));
        Path out = java.nio.file.Files.createDirectories(dir.resolve("out"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i <= 60; i++) {
            Attributes ds = new Attributes();
            ds.setString(Tag.SOPClassUID, org.beaconpacs.dicom.data.VR.UI, UID.SecondaryCaptureImageStorage);
            ds.setString(Tag.SOPInstanceUID, org.beaconpacs.dicom.data.VR.UI, "1.2.826.0.1.3680043.2.1." + i);
            byte[] pixels = new byte[i == 60 ? 64 << 20 : 4096 + i * 2];
            new java.util.Random(i).nextBytes(pixels);
            ds.setBytes(Tag.PixelData, org.beaconpacs.dicom.data.VR.OB, pixels);
            Path f = in.resolve(i + ".dcm");
            try (java.io.OutputStream o = java.nio.file.Files.newOutputStream(f);
                 org.beaconpacs.dicom.io.DicomWriter w = new org.beaconpacs.dicom.io.DicomWriter(o)) {
                w.writeFile(org.beaconpacs.dicom.io.FileMetaInformation.of(ds, UID.ExplicitVRLittleEndian, "GEN"), ds);
            }
            files.add(f);
        }
        try (TestScp scp = new TestScp(policy("BEACON"), FAST, out)) {
            Dcmtk.Result r = Dcmtk.run("storescu", "+sd", "-aec", "BEACON", "127.0.0.1", Integer.toString(scp.port()),
                    in.toString());
            assertEquals(0, r.exitCode(), r.output());
            assertEquals(61, scp.stored());
        }
        for (Path f : files) {
            Attributes original = DicomFile.read(f).dataset();
            Path got = out.resolve(original.getString(Tag.SOPInstanceUID) + ".dcm");
            assertEquals(original, DicomFile.read(got).dataset(), f.toString());
        }
    }

    @Test
    void ourClientEchoesAndStoresToStorescp() throws Exception {
        // several pydicom samples share a SOP Instance UID; storescp names its files by it, so one each
        java.util.Map<String, Path> byInstance = new java.util.LinkedHashMap<>();
        for (Path f : samples()) {
            byInstance.putIfAbsent(DicomFile.read(f).dataset().getString(Tag.SOPInstanceUID), f);
        }
        List<Path> files = new ArrayList<>(byInstance.values());
        Dcmtk.require("storescp");
        int port = Dcmtk.freePort();
        Path out = Files.createDirectories(dir.resolve("storescp"));
        Process storescp = Dcmtk.start("storescp", "-aet", "STORESCP", "-od", out.toString(), "+xa",
                Integer.toString(port));
        try {
            AAssociateRQ rq = DicomClient.request("BEACON", "STORESCP");
            rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
            for (Path f : files) {
                DicomFile file = DicomFile.read(f);
                rq.addPresentationContext(PresentationContext.rq(rq.nextPresentationContextId(),
                        file.dataset().getString(Tag.SOPClassUID), file.transferSyntax().uid()));
            }
            try (DicomClient client = connectWithRetry(port, rq)) {
                assertEquals(Status.SUCCESS, client.echo());
                for (Path f : files) {
                    Command rsp;
                    try {
                        rsp = client.store(f);
                    } catch (java.io.IOException e) {
                        throw new AssertionError("storing " + f + ": " + e.getMessage(), e);
                    }
                    assertEquals(Status.SUCCESS, rsp.status(), f + ": " + rsp);
                }
                client.release();
            }
            for (Path f : files) {
                DicomFile original = DicomFile.read(f);
                String iuid = original.dataset().getString(Tag.SOPInstanceUID);
                Path received;
                try (var s = Files.list(out)) {
                    received = s.filter(p -> {
                        try {
                            return iuid.equals(DicomFile.read(p).dataset().getString(Tag.SOPInstanceUID));
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    }).findFirst().orElseThrow(() -> new AssertionError("storescp did not store " + f));
                }
                Attributes got = DicomFile.read(received).dataset();
                assertEquals(withoutTrailingPadding(original.dataset()), got, f + " content");
            }
        } finally {
            storescp.destroy();
            storescp.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void storescpRejectionReachesOurClient() throws Exception {
        Dcmtk.require("storescp");
        int port = Dcmtk.freePort();
        Process storescp = Dcmtk.start("storescp", "-aet", "STORESCP", "--refuse", Integer.toString(port));
        try {
            AAssociateRQ rq = DicomClient.request("BEACON", "STORESCP");
            rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
            AssociationException e = assertThrows(AssociationException.class, () -> connectWithRetry(port, rq));
            assertEquals(AAssociateRJ.RESULT_PERMANENT, e.rejection().result(), e.getMessage());
        } finally {
            storescp.destroy();
            storescp.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSilentPeerIsClosedWithinArtimWhileOthersGoOn() throws Exception {
        Dcmtk.require("echoscu");
        try (TestScp scp = new TestScp(policy("BEACON"), FAST, dir);
             Socket silent = new Socket(InetAddress.getLoopbackAddress(), scp.port())) {
            // another client is served while the silent one holds its socket
            Dcmtk.Result r = Dcmtk.run("echoscu", "-aec", "BEACON", "127.0.0.1", Integer.toString(scp.port()));
            assertEquals(0, r.exitCode(), r.output());
            silent.setSoTimeout(10_000);
            assertEquals(-1, silent.getInputStream().read(), "closed by us after ARTIM (2 s)");
        }
    }

    @Test
    void aMalformedAssociateRequestGetsAnAbort() throws Exception {
        try (TestScp scp = new TestScp(policy("BEACON"), FAST, dir);
             Socket garbage = new Socket(InetAddress.getLoopbackAddress(), scp.port())) {
            OutputStream out = garbage.getOutputStream();
            out.write(new byte[] {0x01, 0, 0, 0, 0, 0x10, 'g', 'a', 'r', 'b', 'a', 'g', 'e', '!', '!', '!', 1, 2, 3, 4, 5,
                6});
            out.flush();
            garbage.setSoTimeout(10_000);
            InputStream in = garbage.getInputStream();
            assertEquals(0x07, in.read(), "A-ABORT for a malformed A-ASSOCIATE-RQ");
        }
    }

    /** DCMTK drops Data Set Trailing Padding (FFFC,FFFC) when it reads or writes a data set. */
    private static Attributes withoutTrailingPadding(Attributes ds) {
        ds.remove(Tag.DataSetTrailingPadding);
        return ds;
    }

    private static DicomClient connectWithRetry(int port, AAssociateRQ rq) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return DicomClient.connect("127.0.0.1", port, rq, FAST);
            } catch (java.net.ConnectException notYetListening) {
                if (attempt > 50) {
                    throw notYetListening;
                }
                Thread.sleep(100);
            }
        }
    }
}
