package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.archive.it.testing.Management;
import org.beaconpacs.archive.it.testing.StoredFiles;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomFile;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.pdu.RoleSelection;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.scu.Response;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * C-MOVE and C-GET against the deployed archive (PS3.4 C.4.2, C.4.3): DCMTK's movescu into DCMTK's storescp
 * as the move destination and getscu on its own association receive what was stored, byte for byte;
 * our SCU checks the counts, C-CANCEL in the middle of 500 sub-operations, and the refusals.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrieveIT {

    private static final Path SAMPLES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private final String patient = "R" + (System.nanoTime() % 1_000_000);
    private final String study = UIDs.createUID();
    private final String small = UIDs.createUID();
    private final String big = UIDs.createUID();
    private final String compressed = UIDs.createUID();
    /** The compressed series' originals before compression: SOP Instance UID to pixel data. */
    private final Map<String, byte[]> originalPixels = new TreeMap<>();
    /** SOP Instance UID to the SHA-256 of the data set as sent, for the small series. */
    private final Map<String, String> sent = new TreeMap<>();

    @BeforeAll
    void store() throws Exception {
        try (DicomClient c = CtStore.client("RETRIEVESCU")) {
            for (int i = 1; i <= 3; i++) {
                Attributes ds = Synthetic.ct(patient, "Retrieve^Small", study, small, i, 2048);
                byte[] encoded = Synthetic.encode(ds);
                assertEquals(Status.SUCCESS, CtStore.store(c, ds.getString(Tag.SOPInstanceUID), encoded).status());
                sent.put(ds.getString(Tag.SOPInstanceUID), sha256(encoded));
            }
            CtStore.storeSeries(c, patient, "Retrieve^Small", study, big, 1, 500);
            c.release();
        }
    }

    /** A JPEG Lossless and an RLE object (DCMTK's encoders, from synthetic CTs), stored as compressed. */
    private void storeCompressed(Path dir) throws Exception {
        if (!originalPixels.isEmpty()) {
            return;
        }
        Dcmtk.require("dcmcjpeg");
        String[][] encodings = {{"dcmcjpeg", "+e1", "-xs"}, {"dcmcrle", null, "-xr"}};
        int n = 1;
        for (String[] e : encodings) {
            Attributes ds = Synthetic.ct(patient, "Retrieve^Small", study, compressed, n++, 4096);
            ds.setInt(Tag.BitsStored, VR.US, 16);
            ds.setInt(Tag.HighBit, VR.US, 15);
            Path plain = Synthetic.write(ds, dir.resolve(e[0] + "-plain.dcm"));
            Path encoded = dir.resolve(e[0] + ".dcm");
            Dcmtk.Result r = e[1] == null ? Dcmtk.run(e[0], plain.toString(), encoded.toString())
                    : Dcmtk.run(e[0], e[1], plain.toString(), encoded.toString());
            assertEquals(0, r.exitCode(), r.output());
            Dcmtk.Result s = Dcmtk.run("storescu", e[2], "-aet", "RETRIEVESCU", "-aec", Beacon.AE_TITLE, Beacon.HOST,
                    String.valueOf(Beacon.dicomPort()), encoded.toString());
            assertEquals(0, s.exitCode(), s.output());
            originalPixels.put(ds.getString(Tag.SOPInstanceUID), ds.getBytes(Tag.PixelData));
        }
    }

    @AfterAll
    void delete() throws Exception {
        Beacon.api("DELETE", "/studies/" + study, null);
    }

    // ------------------------------------------------------------------------------------------ DCMTK

    @Test
    void movescuSendsTheSeriesToAConfiguredDestinationAsStored(@TempDir Path dir) throws Exception {
        Dcmtk.require("movescu");
        try (Destination dest = new Destination(dir, "MOVEDEST", false)) {
            Dcmtk.Result r = Dcmtk.run("movescu", "-v", "-S", "-aet", "RETRIEVESCU", "-aec", Beacon.AE_TITLE,
                    "-aem", dest.aeTitle, "-k", "QueryRetrieveLevel=SERIES", "-k", "StudyInstanceUID=" + study,
                    "-k", "SeriesInstanceUID=" + small, Beacon.HOST, String.valueOf(Beacon.dicomPort()));
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("Received Final Move Response (Success)"), r.output());
            assertEquals(sent, dest.received(), "every instance, its data set byte for byte");
            String log = dest.log();
            assertEquals(3, log.lines().filter(l -> l.contains("Move Originator AE Title")
                    && l.contains("RETRIEVESCU")).count(), log);
            assertEquals(3, log.lines().filter(l -> l.contains("Move Originator ID")).count(), log);
        }
    }

    @Test
    void getscuReceivesTheSeriesOnItsOwnAssociation(@TempDir Path dir) throws Exception {
        Dcmtk.require("getscu");
        Dcmtk.Result r = Dcmtk.run("getscu", "-v", "-S", "-aet", "RETRIEVESCU", "-aec", Beacon.AE_TITLE,
                "-od", dir.toString(), "-k", "QueryRetrieveLevel=SERIES", "-k", "StudyInstanceUID=" + study,
                "-k", "SeriesInstanceUID=" + small, Beacon.HOST, String.valueOf(Beacon.dicomPort()));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Received C-GET Response (Success)"), r.output());
        assertEquals(sent, received(dir), "every instance, its data set byte for byte");
    }

    @Test
    void aDestinationThatTakesOnlyImplicitVrGetsTheDataSetsConverted(@TempDir Path dir) throws Exception {
        Dcmtk.require("movescu");
        try (Destination dest = new Destination(dir, "IMPLICIT", true)) {
            Response rsp = move(small, dest.aeTitle, "SERIES", r -> true);
            assertEquals(Status.SUCCESS, rsp.status());
            assertEquals(3, rsp.command().completedSubOperations());
            for (Path f : dest.files()) {
                DicomFile received = read(f);
                assertEquals(UID.ImplicitVRLittleEndian, received.transferSyntax().uid());
                String iuid = received.dataset().getString(Tag.SOPInstanceUID);
                int number = received.dataset().getInt(Tag.InstanceNumber, 0);
                Attributes original = Synthetic.ct(patient, "Retrieve^Small", study, small, number, 2048);
                assertArrayEquals(original.getBytes(Tag.PixelData), received.dataset().getBytes(Tag.PixelData), iuid);
                assertTrue(sent.containsKey(iuid));
            }
        }
    }

    @Test
    void jpegLosslessAndRleReachAnImplicitOnlyDestinationDecodedToTheOriginalPixels(@TempDir Path dir)
            throws Exception {
        storeCompressed(dir);
        try (Destination dest = new Destination(dir, "DECODED", true)) {
            Response rsp = move(compressed, dest.aeTitle, "SERIES", r -> true);
            assertEquals(Status.SUCCESS, rsp.status(), String.valueOf(rsp.command().errorComment()));
            assertEquals(2, rsp.command().completedSubOperations());
            Map<String, byte[]> pixels = new TreeMap<>();
            for (Path f : dest.files()) {
                DicomFile received = read(f);
                assertEquals(UID.ImplicitVRLittleEndian, received.transferSyntax().uid());
                pixels.put(received.dataset().getString(Tag.SOPInstanceUID), received.dataset().getBytes(Tag.PixelData));
            }
            assertEquals(originalPixels.keySet(), pixels.keySet());
            originalPixels.forEach((iuid, original) -> assertArrayEquals(original, pixels.get(iuid), iuid));
        }
    }

    // ------------------------------------------------------------------------------------ our own SCU

    @Test
    void anUnknownDestinationIsRefusedA801() throws Exception {
        Response rsp = move(small, "NOWHERE", "SERIES", r -> true);
        assertEquals(Status.MOVE_DESTINATION_UNKNOWN, rsp.status());
        assertTrue(rsp.command().errorComment().contains("NOWHERE"), rsp.command().errorComment());
    }

    @Test
    void anUnreachableDestinationFailsEverySubOperation() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nobody listens there
        }
        createDestination("GONE", port);
        try {
            Response rsp = move(small, "GONE", "SERIES", r -> true);
            assertEquals(Status.OUT_OF_RESOURCES_SUB_OPERATIONS, rsp.status());
            assertEquals(3, rsp.command().failedSubOperations());
            assertTrue(rsp.command().errorComment().contains("GONE"), rsp.command().errorComment());
        } finally {
            Beacon.api("DELETE", "/aes/GONE", null);
        }
    }

    @Test
    void aRetrieveWithoutItsUniqueKeysIsRefusedA900() throws Exception {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "SERIES");
        keys.setString(Tag.SeriesInstanceUID, VR.UI, small);
        try (DicomClient c = client(UID.StudyRootQueryRetrieveInformationModelMove, false)) {
            Response rsp = c.move(UID.StudyRootQueryRetrieveInformationModelMove, keys, "ANY");
            assertEquals(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, rsp.status());
            assertTrue(rsp.command().errorComment().contains("StudyInstanceUID"), rsp.command().errorComment());
            c.release();
        }
    }

    @Test
    void cancelStopsAMoveOfFiveHundredAfterTheCurrentObject(@TempDir Path dir) throws Exception {
        Dcmtk.require("storescp");
        try (Destination dest = new Destination(dir, "CANCELDEST", false); Management m = new Management()) {
            m.systemProperty("beacon.retrieve.pending-millis", "0");
            try {
                AtomicInteger pendings = new AtomicInteger();
                Response rsp = move(big, dest.aeTitle, "SERIES", r -> pendings.incrementAndGet() < 20);
                assertEquals(Status.CANCEL, rsp.status());
                Command c = rsp.command();
                assertTrue(c.completedSubOperations() >= 19 && c.completedSubOperations() < 500, c.toString());
                assertEquals(500, c.completedSubOperations() + c.failedSubOperations() + c.warningSubOperations()
                        + c.remainingSubOperations(), "the counts add up");
                assertEquals(c.completedSubOperations(), dest.files().size(), "sent is what arrived");
            } finally {
                m.systemProperty("beacon.retrieve.pending-millis", "1000");
            }
        }
    }

    @Test
    void aMoveOnFourAssociationsAtOnceDeliversEveryObject(@TempDir Path dir) throws Exception {
        try (Destination dest = new Destination(dir, "PARALLEL", false, true); Management m = new Management()) {
            m.systemProperty("beacon.retrieve.move-associations", "4");
            try {
                Response rsp = move(big, dest.aeTitle, "SERIES", r -> true);
                assertEquals(Status.SUCCESS, rsp.status(), String.valueOf(rsp.command().errorComment()));
                assertEquals(500, rsp.command().completedSubOperations());
                assertEquals(500, dest.files().size());
                long associations = dest.log().lines().filter(l -> l.contains("Association Acknowledged")).count();
                assertEquals(4, associations, dest.log().lines().filter(l -> l.contains("Association")).toList()
                        .toString());
            } finally {
                m.systemProperty("beacon.retrieve.move-associations", "1");
            }
        }
    }

    @Test
    void cancelStopsAGetOfFiveHundredAndTheCountsAddUp() throws Exception {
        try (Management m = new Management(); DicomClient c = client(UID.StudyRootQueryRetrieveInformationModelGet, true)) {
            m.systemProperty("beacon.retrieve.pending-millis", "0");
            try {
                AtomicInteger stored = new AtomicInteger();
                AtomicInteger pendings = new AtomicInteger();
                Response rsp = c.get(UID.StudyRootQueryRetrieveInformationModelGet, keys("SERIES", big),
                        (rq, ts, data) -> {
                            data.transferTo(java.io.OutputStream.nullOutputStream());
                            stored.incrementAndGet();
                            return Status.SUCCESS;
                        }, r -> pendings.incrementAndGet() < 20);
                assertEquals(Status.CANCEL, rsp.status());
                Command f = rsp.command();
                assertTrue(f.completedSubOperations() < 500, f.toString());
                assertEquals(stored.get(), f.completedSubOperations());
                assertEquals(500, f.completedSubOperations() + f.remainingSubOperations() + f.failedSubOperations());
                c.release();
            } finally {
                m.systemProperty("beacon.retrieve.pending-millis", "1000");
            }
        }
    }

    @Test
    void aGetWithoutRoleSelectionFailsItsSubOperationsAndSaysWhy() throws Exception {
        try (DicomClient c = client(UID.StudyRootQueryRetrieveInformationModelGet, false)) {
            Response rsp = c.get(UID.StudyRootQueryRetrieveInformationModelGet, keys("SERIES", small),
                    (rq, ts, data) -> Status.SUCCESS);
            assertEquals(Status.OUT_OF_RESOURCES_SUB_OPERATIONS, rsp.status());
            assertEquals(3, rsp.command().failedSubOperations());
            assertTrue(rsp.command().errorComment().contains("SCP role"), rsp.command().errorComment());
            assertEquals(Set.copyOf(sent.keySet()), Set.of(rsp.dataset().getStrings(Tag.FailedSOPInstanceUIDList)));
            c.release();
        }
    }

    @Test
    void anAeThatMayNotRetrieveIsRefusedNotAuthorized() throws Exception {
        assertEquals(201, Beacon.api("POST", "/aes", Json.createObjectBuilder().add("aeTitle", "NORETRIEVE")
                .add("host", "127.0.0.1").add("port", 104).add("mayRetrieve", false).build().toString()).statusCode());
        try {
            AAssociateRQ rq = DicomClient.request("NORETRIEVE", Beacon.AE_TITLE);
            rq.addPresentationContext(PresentationContext.rq(1, UID.StudyRootQueryRetrieveInformationModelMove,
                    UID.ExplicitVRLittleEndian));
            try (DicomClient c = DicomClient.connect(Beacon.HOST, Beacon.dicomPort(), rq, Timeouts.DEFAULT)) {
                Response rsp = c.move(UID.StudyRootQueryRetrieveInformationModelMove, keys("SERIES", small), "ANY");
                assertEquals(Status.NOT_AUTHORIZED, rsp.status());
                assertTrue(rsp.command().errorComment().contains("mayRetrieve"), rsp.command().errorComment());
                c.release();
            }
        } finally {
            Beacon.api("DELETE", "/aes/NORETRIEVE", null);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Attributes keys(String level, String series) {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, level);
        keys.setString(Tag.StudyInstanceUID, VR.UI, study);
        keys.setString(Tag.SeriesInstanceUID, VR.UI, series);
        return keys;
    }

    private Response move(String series, String destination, String level,
                          java.util.function.Predicate<Response> pending) throws IOException {
        try (DicomClient c = client(UID.StudyRootQueryRetrieveInformationModelMove, false)) {
            Response rsp = c.move(UID.StudyRootQueryRetrieveInformationModelMove, keys(level, series), destination,
                    pending);
            c.release();
            return rsp;
        }
    }

    /** An association for {@code sopClass}; with {@code scpRole}, CT storage with the SCP role (C-GET). */
    private static DicomClient client(String sopClass, boolean scpRole) throws IOException {
        AAssociateRQ rq = DicomClient.request("RETRIEVESCU", Beacon.AE_TITLE);
        rq.addPresentationContext(PresentationContext.rq(1, sopClass, UID.ExplicitVRLittleEndian));
        rq.addPresentationContext(PresentationContext.rq(3, UID.CTImageStorage, UID.ExplicitVRLittleEndian));
        if (scpRole) {
            rq.addRoleSelection(new RoleSelection(UID.CTImageStorage, false, true));
        }
        return DicomClient.connect(Beacon.HOST, Beacon.dicomPort(), rq, Timeouts.DEFAULT);
    }

    private static void createDestination(String aeTitle, int port) throws Exception {
        assertEquals(201, Beacon.api("POST", "/aes", Json.createObjectBuilder().add("aeTitle", aeTitle)
                .add("host", "127.0.0.1").add("port", port).add("moveDestination", true).build().toString())
                .statusCode());
    }

    /** DCMTK's storescp as a configured move destination, its debug log kept. */
    private static final class Destination implements AutoCloseable {
        final String aeTitle;
        final Path dir;
        final Path log;
        final Process process;

        Destination(Path dir, String aeTitle, boolean implicitOnly) throws Exception {
            this(dir, aeTitle, implicitOnly, false);
        }

        /** {@code fork}: one storescp process per association, so that several run at once. */
        Destination(Path dir, String aeTitle, boolean implicitOnly, boolean fork) throws Exception {
            Dcmtk.require("storescp");
            this.aeTitle = aeTitle;
            this.dir = Files.createDirectories(dir.resolve("received"));
            this.log = dir.resolve("storescp.log");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> cmd = new java.util.ArrayList<>(List.of("storescp", "-d", "-aet", aeTitle, "-od",
                    this.dir.toString()));
            if (implicitOnly) {
                cmd.add("+xi");
            }
            if (fork) {
                cmd.add("--fork");
            }
            cmd.add(String.valueOf(port));
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Beacon.awaitListening(port);
            createDestination(aeTitle, port);
        }

        List<Path> files() throws IOException {
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(Files::isRegularFile).toList();
            }
        }

        Map<String, String> received() throws IOException {
            return RetrieveIT.received(dir);
        }

        String log() throws IOException {
            return Files.readString(log);
        }

        @Override
        public void close() throws Exception {
            try {
                Beacon.api("DELETE", "/aes/" + aeTitle, null);
            } finally {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** SOP Instance UID to data set SHA-256 of the Part 10 files in {@code dir}. */
    private static Map<String, String> received(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                out.put(read(f).dataset().getString(Tag.SOPInstanceUID), StoredFiles.datasetSha256(f));
            }
        }
        return out;
    }

    private static DicomFile read(Path file) throws IOException {
        try (DicomReader reader = DicomReader.open(file)) {
            return reader.readFile();
        }
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
