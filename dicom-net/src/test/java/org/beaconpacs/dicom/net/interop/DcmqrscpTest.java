package org.beaconpacs.dicom.net.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomFile;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.pdu.RoleSelection;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.scu.FindResults;
import org.beaconpacs.dicom.net.scu.Response;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.net.testing.TestScp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our SCU's C-FIND (with C-CANCEL), C-MOVE and C-GET against DCMTK's dcmqrscp, filled by DCMTK's storescu. */
class DcmqrscpTest {

    static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir
    Path dir;

    @Test
    void findMoveAndGetAgainstDcmqrscp() throws Exception {
        Dcmtk.require("dcmqrscp");
        Dcmtk.require("storescu");
        List<Path> files = List.of(PYDICOM.resolve("CT_small.dcm"), PYDICOM.resolve("MR_small.dcm"));
        for (Path f : files) {
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(f)
                    || "true".equalsIgnoreCase(System.getenv("CI")), "python3-pydicom not installed");
        }
        Path moved = Files.createDirectories(dir.resolve("moved"));
        try (TestScp destination = new TestScp(DcmtkInteropTest.policy("BEACONSCU"), Timeouts.DEFAULT, moved)) {
            int port = Dcmtk.freePort();
            Path db = Files.createDirectories(dir.resolve("db"));
            Path cfg = dir.resolve("dcmqrscp.cfg");
            Files.writeString(cfg, String.join("\n",
                    "NetworkTCPPort  = " + port,
                    "MaxPDUSize      = 16384",
                    "MaxAssociations = 16",
                    "HostTable BEGIN",
                    "beacon = (BEACONSCU, localhost, " + destination.port() + ")",
                    "HostTable END",
                    "VendorTable BEGIN",
                    "VendorTable END",
                    "AETable BEGIN",
                    "QRSCP " + db + " RW (100, 1024mb) ANY",
                    "AETable END", ""));
            // forking mode: Debian's dcmqrscp 3.6.7 crashes (SIGSEGV) after an association with --single-process
            Process qr = Dcmtk.start("dcmqrscp", "-c", cfg.toString());
            try {
                Dcmtk.Result stored = null;
                for (int attempt = 0; attempt < 50; attempt++) {
                    List<String> cmd = Dcmtk.args("storescu", "-aec", "QRSCP", "localhost", Integer.toString(port));
                    files.forEach(f -> cmd.add(f.toString()));
                    stored = Dcmtk.run(cmd.toArray(String[]::new));
                    if (stored.exitCode() == 0) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertEquals(0, stored.exitCode(), stored.output());

                Set<String> studies = new HashSet<>();
                for (Path f : files) {
                    studies.add(DicomFile.read(f).dataset().getString(Tag.StudyInstanceUID));
                }

                AAssociateRQ rq = DicomClient.request("BEACONSCU", "QRSCP");
                rq.addPresentationContext(PresentationContext.rq(1, UID.StudyRootQueryRetrieveInformationModelFind,
                        UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian));
                rq.addPresentationContext(PresentationContext.rq(3, UID.StudyRootQueryRetrieveInformationModelMove,
                        UID.ImplicitVRLittleEndian));
                rq.addPresentationContext(PresentationContext.rq(5, UID.StudyRootQueryRetrieveInformationModelGet,
                        UID.ImplicitVRLittleEndian));
                for (String cuid : List.of(UID.CTImageStorage, UID.MRImageStorage)) {
                    rq.addPresentationContext(PresentationContext.rq(rq.nextPresentationContextId(), cuid,
                            UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian));
                    rq.addRoleSelection(new RoleSelection(cuid, true, true));
                }
                try (DicomClient c = DicomClient.connect("127.0.0.1", port, rq, Timeouts.DEFAULT)) {
                    // C-FIND: both studies, streamed as they come
                    Set<String> found = new HashSet<>();
                    FindResults results = c.find(UID.StudyRootQueryRetrieveInformationModelFind, studyKeys(null));
                    for (Attributes match : results) {
                        found.add(match.getString(Tag.StudyInstanceUID));
                    }
                    assertEquals(Status.SUCCESS, results.finalResponse().status());
                    assertEquals(studies, found);

                    // C-CANCEL after the first match
                    FindResults cancelled = c.find(UID.StudyRootQueryRetrieveInformationModelFind, studyKeys(null));
                    assertTrue(cancelled.hasNext());
                    cancelled.next();
                    cancelled.cancel();
                    while (cancelled.hasNext()) {
                        cancelled.next();
                    }
                    int end = cancelled.finalResponse().status();
                    assertTrue(end == Status.CANCEL || end == Status.SUCCESS, Status.toString(end));

                    // C-MOVE of the CT study to our SCP
                    String ctStudy = DicomFile.read(files.get(0)).dataset().getString(Tag.StudyInstanceUID);
                    Response move = c.move(UID.StudyRootQueryRetrieveInformationModelMove, studyKeys(ctStudy),
                            "BEACONSCU");
                    assertEquals(Status.SUCCESS, move.status(), move.command().toString());
                    assertEquals(1, move.command().completedSubOperations());
                    assertEquals(1, destination.stored());

                    // C-GET of the MR study on this association
                    String mrStudy = DicomFile.read(files.get(1)).dataset().getString(Tag.StudyInstanceUID);
                    List<Attributes> got = new ArrayList<>();
                    Response get = c.get(UID.StudyRootQueryRetrieveInformationModelGet, studyKeys(mrStudy),
                            (request, ts, data) -> {
                                got.add(new DicomReader(data).readDataset(TransferSyntax.of(ts)));
                                return Status.SUCCESS;
                            });
                    assertEquals(Status.SUCCESS, get.status(), get.command().toString());
                    assertEquals(1, got.size());
                    Attributes mr = DicomFile.read(files.get(1)).dataset();
                    assertEquals(mr.getString(Tag.SOPInstanceUID), got.get(0).getString(Tag.SOPInstanceUID));
                    assertEquals(mr.getInt(Tag.Rows, 0), got.get(0).getInt(Tag.Rows, -1));
                    c.release();
                }
            } finally {
                qr.destroy();
                qr.waitFor(10, TimeUnit.SECONDS);
            }
            Attributes ct = DicomFile.read(files.get(0)).dataset();
            Attributes received = DicomFile.read(moved.resolve(ct.getString(Tag.SOPInstanceUID) + ".dcm")).dataset();
            assertEquals(ct.getString(Tag.PatientName), received.getString(Tag.PatientName));
            assertEquals(ct.getBytes(Tag.PixelData).length, received.getBytes(Tag.PixelData).length);
        }
    }

    private static Attributes studyKeys(String studyInstanceUid) {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setString(Tag.StudyInstanceUID, VR.UI, studyInstanceUid == null ? "" : studyInstanceUid);
        keys.setNull(Tag.PatientID, VR.LO);
        return keys;
    }
}
