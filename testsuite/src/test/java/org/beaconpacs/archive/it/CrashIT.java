package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.StandaloneServer;
import org.beaconpacs.archive.it.testing.StoredFiles;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.io.DicomFile;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the server in the middle of a 500-object store, in each durability mode: after a restart
 * every instance storescu saw acknowledged is indexed, present, intact (digest, content) and durable, no
 * row lacks its file, and the temporary files of the unacknowledged transfer are gone. Deferred mode is
 * where the restart has the most to do: objects acknowledged but not yet fsync'd, and on H2 index
 * commits written behind and lost with the process.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrashIT {

    private static final String PRINTER_STATUS = "/print/printers/" + Beacon.AE_TITLE + "/status";

    /**
     * Per-object durability, and what else the archive promised before the kill: a Storage Commitment report
     * due while the modality was down (issue "Storage Commitment", point 4) is delivered once it listens again,
     * and a print job acknowledged while its printer was in FAILURE (issue "Print Management SCP"), spooled to
     * disk, prints once the printer is NORMAL. One kill for the three: each start of a server costs ~13 s.
     */
    @Test
    void everyAcknowledgedInstanceCommitmentReportAndPrintJobSurvivesAKill9(@TempDir Path dir) throws Exception {
        org.beaconpacs.archive.it.testing.Dcmjs.require();
        try (StandaloneServer server = new StandaloneServer(dir.resolve("server"), environment("per-object", "11412"))) {
            server.start();
            PendingReport report = PendingReport.leave(server);
            String job = spoolAPrintJob(server, dir);
            killDuringAStoreAndRestart(server, dir, "per-object");
            report.assertDelivered(server);
            assertPrints(server, job);
        }
    }

    @Test
    void everyAcknowledgedInstanceSurvivesAKill9InDeferredMode(@TempDir Path dir) throws Exception {
        try (StandaloneServer server = new StandaloneServer(dir.resolve("server"), environment("deferred", "11414"))) {
            server.start();
            killDuringAStoreAndRestart(server, dir, "deferred");
        }
    }

    private static Map<String, String> environment(String durability, String dicomPort) {
        return Map.of("BEACON_DICOM_PORT", dicomPort, "BEACON_ADMIN_PASSWORD", "crash-admin",
                "BEACON_STORAGE_MIN_FREE_MB", "10", "BEACON_STORAGE_DURABILITY", durability);
    }

    /** A commitment report the archive owes a modality that released at once and does not listen yet. */
    private record PendingReport(int modalityPort, String transactionUid) {

        static PendingReport leave(StandaloneServer server) throws Exception {
            int modalityPort = Dcmtk.freePort();
            assertEquals(201, Beacon.call(server.api(), "POST", "/aes", jakarta.json.Json.createObjectBuilder()
                    .add("aeTitle", "MODCRASH").add("host", "127.0.0.1").add("port", modalityPort).build()
                    .toString(), "admin", "crash-admin").statusCode());
            String study = UIDs.createUID();
            String series = UIDs.createUID();
            try (var c = org.beaconpacs.archive.it.testing.CtStore.client("MODCRASH", server.dicomPort())) {
                org.beaconpacs.archive.it.testing.CtStore.storeSeries(c, "CRASHSC", "Crash^Commit", study, series,
                        1, 2);
                c.release();
            }
            List<String> refs = new ArrayList<>();
            for (var v : Beacon.array(server.api("GET", "/series/" + series + "/instances"))) {
                refs.add(org.beaconpacs.dicom.dict.UID.CTImageStorage + "/"
                        + v.asJsonObject().getString("sopInstanceUid"));
            }
            String tx = UIDs.createUID();
            var asked = org.beaconpacs.archive.it.testing.Dcmjs.commit("MODCRASH", server.dicomPort(), 0, 0, 2_000,
                    tx, refs);
            assertEquals(0, asked.actionStatus(), asked.output());
            assertEquals(null, asked.report(), asked.output());
            return new PendingReport(modalityPort, tx);
        }

        void assertDelivered(StandaloneServer server) throws Exception {
            var delivered = org.beaconpacs.archive.it.testing.Dcmjs.commit("MODCRASH", server.dicomPort(),
                    modalityPort, 0, 60_000, "-", List.of());
            assertTrue(delivered.report() != null, delivered.output());
            assertEquals(transactionUid, delivered.report().getString("transactionUid"));
            assertEquals(1, delivered.report().getInt("eventTypeId"));
            assertEquals(2, delivered.report().getJsonArray("referenced").size());
        }
    }

    /** A print job acknowledged while the archive's printer is in FAILURE: it waits, spooled. Its UID. */
    private static String spoolAPrintJob(StandaloneServer server, Path dir) throws Exception {
        assertEquals(200, Beacon.call(server.api(), "PUT", PRINTER_STATUS, "{\"status\": \"FAILURE\"}", "admin",
                "crash-admin").statusCode());
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, """
                { "session": {"FilmSessionLabel": "before the crash"},
                  "films": [ {"attrs": {"ImageDisplayFormat": "STANDARD\\\\1,1", "FilmSizeID": "8INX10IN"},
                    "images": [ {"position": 1, "image": {"rows": 64, "columns": 64, "bits": 12, "pattern": "hramp"}} ],
                    "print": true } ] }
                """);
        List<String> out = org.beaconpacs.archive.it.testing.Dcmjs.print("PRINTCRASH", server.dicomPort(), plan);
        assertTrue(out.contains("NACTION FILMBOX 0x0000"), out.toString());
        return out.stream().filter(l -> l.startsWith("JOB ")).findFirst().orElseThrow().substring(4).strip();
    }

    /** The printer back to NORMAL, the job prints. */
    private static void assertPrints(StandaloneServer server, String job) throws Exception {
        assertEquals(200, Beacon.call(server.api(), "PUT", PRINTER_STATUS, "{\"status\": \"NORMAL\"}", "admin",
                "crash-admin").statusCode());
        JsonObject printed = null;
        for (int i = 0; i < 300 && printed == null; i++) {
            for (var v : Beacon.array(server.api("GET", "/print/jobs"))) {
                JsonObject j = v.asJsonObject();
                if (j.getString("jobUid").equals(job) && j.getString("state").equals("DONE")) {
                    printed = j;
                }
            }
            Thread.sleep(100);
        }
        assertTrue(printed != null, "the job printed after the restart");
        assertEquals("before the crash", printed.getString("sessionLabel"));
        assertEquals(200, Beacon.call(server.api(), "GET", "/print/jobs/" + printed.getInt("id") + "/films/1",
                null, "admin", "crash-admin").statusCode());
    }

    /** storescu sends 500 objects to the started {@code server}, which is killed after the 150th response. */
    private static void killDuringAStoreAndRestart(StandaloneServer server, Path dir, String durability)
            throws Exception {
        Dcmtk.require("storescu");
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        List<Path> files = new ArrayList<>();
        Map<String, Attributes> sent = new HashMap<>();
        for (int i = 1; i <= 500; i++) {
            Attributes ds = Synthetic.ct("CRASH1", "Crash^Test", study, series, i, 256 * 1024);
            files.add(Synthetic.write(ds, dir.resolve(String.format("in/%03d.dcm", i))));
            sent.put(ds.getString(Tag.SOPInstanceUID), ds);
        }
        List<String> cmd = new ArrayList<>(List.of("storescu", "-v", "-aec", Beacon.AE_TITLE, Beacon.HOST,
                String.valueOf(server.dicomPort())));
        files.forEach(f -> cmd.add(f.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TCP_NODELAY", "1");
        Process storescu = pb.start();
        // storescu sends the files in order, one at a time: the n-th success answers the n-th file
        AtomicInteger acknowledged = new AtomicInteger();
        boolean killed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(storescu.getInputStream()))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.contains("Received Store Response (Success)")) {
                    if (acknowledged.incrementAndGet() == 150 && !killed) {
                        server.kill();
                        killed = true;
                    }
                }
            }
        }
        storescu.waitFor();
        assertTrue(killed, "the server was killed during the store");
        int acked = acknowledged.get();
        assertTrue(acked >= 150 && acked < 500, acked + " acknowledged");

        server.start();
        int indexed = Beacon.object(server.api("GET", "/studies/" + study)).getInt("numberOfInstances");
        assertTrue(indexed >= acked, indexed + " indexed, " + acked + " acknowledged");
        Map<String, JsonObject> instances = instances(server, study);
        assertEquals(indexed, instances.size());
        System.out.println("CrashIT (" + durability + "): killed after " + acked + " acknowledged of 500; "
                + indexed + " indexed after the restart");
        for (int i = 0; i < acked; i++) {
            Attributes original = DicomFile.read(files.get(i)).dataset();
            JsonObject instance = instances.get(original.getString(Tag.SOPInstanceUID));
            assertTrue(instance != null, "acknowledged instance " + (i + 1) + " is indexed");
        }
        assertIntactAndDurable(server, instances, sent);
        assertEquals(List.of(), StoredFiles.temporaryLeftovers(server.storageRoot()),
                "temporary files of the unacknowledged transfer removed");
    }

    /**
     * Deferred mode may lose what it acknowledged within the flush interval, and says so. A file damaged
     * before its fsync (the interval an hour long: none ran) is caught by its digest at the restart: its
     * instance is forgotten and the file removed, never served; the others are kept and made durable.
     */
    @Test
    void aDeferredObjectDamagedBeforeItsFsyncIsForgottenAtTheRestart(@TempDir Path dir) throws Exception {
        Dcmtk.require("storescu");
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        Map<String, Attributes> sent = new HashMap<>();
        List<String> cmd = new ArrayList<>(List.of("storescu", "-aec", Beacon.AE_TITLE, Beacon.HOST, "11415"));
        for (int i = 1; i <= 10; i++) {
            Attributes ds = Synthetic.ct("CRASH2", "Crash^Damaged", study, series, i, 64 * 1024);
            sent.put(ds.getString(Tag.SOPInstanceUID), ds);
            cmd.add(Synthetic.write(ds, dir.resolve("in/" + i + ".dcm")).toString());
        }
        Map<String, String> env = new HashMap<>(environment("deferred", "11415"));
        env.put("BEACON_STORAGE_FLUSH_MILLIS", "3600000");
        try (StandaloneServer server = new StandaloneServer(dir.resolve("server"), env)) {
            server.start();
            Dcmtk.Result stored = Dcmtk.run(cmd.toArray(String[]::new));
            assertEquals(0, stored.exitCode(), stored.output());
            Map<String, JsonObject> before = instances(server, study);
            assertEquals(10, before.size());
            before.values().forEach(i -> assertFalse(i.getBoolean("durable"), "not fsync'd yet: " + i));
            Thread.sleep(2000); // H2 writes its commits behind (0.5 s): these rows are to be on disk
            server.kill();
            JsonObject damaged = before.values().iterator().next();
            Path damagedFile = server.storageRoot().resolve(damaged.getString("path"));
            try (FileChannel f = FileChannel.open(damagedFile, StandardOpenOption.WRITE)) {
                f.truncate(f.size() / 2);
            }

            server.start();
            Map<String, JsonObject> after = instances(server, study);
            sent.remove(damaged.getString("sopInstanceUid"));
            assertEquals(sent.keySet(), after.keySet(), "the damaged instance forgotten, the nine others kept");
            assertFalse(Files.exists(damagedFile), "the damaged file removed");
            assertEquals(9, Beacon.object(server.api("GET", "/studies/" + study)).getInt("numberOfInstances"));
            assertIntactAndDurable(server, after, sent);
        }
    }

    /** The instances of the study's one series, by SOP Instance UID. */
    private static Map<String, JsonObject> instances(StandaloneServer server, String study) throws Exception {
        String seriesUid = Beacon.array(server.api("GET", "/studies/" + study + "/series")).getJsonObject(0)
                .getString("seriesUid");
        Map<String, JsonObject> instances = new HashMap<>();
        for (var v : Beacon.array(server.api("GET", "/series/" + seriesUid + "/instances"))) {
            instances.put(v.asJsonObject().getString("sopInstanceUid"), v.asJsonObject());
        }
        return instances;
    }

    /** Every indexed instance has its file, with the digest recorded, the content sent, and is durable. */
    private static void assertIntactAndDurable(StandaloneServer server, Map<String, JsonObject> instances,
                                               Map<String, Attributes> sent) throws Exception {
        for (JsonObject instance : instances.values()) {
            Path file = server.storageRoot().resolve(instance.getString("path"));
            assertTrue(Files.isRegularFile(file), "every row has its file: " + file);
            assertEquals(instance.getString("digest"), StoredFiles.datasetSha256(file), "digest of " + file);
            assertEquals(sent.get(instance.getString("sopInstanceUid")), DicomFile.read(file).dataset());
            assertTrue(instance.getBoolean("durable"));
        }
    }
}
