package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.archive.it.testing.StandaloneServer;
import org.beaconpacs.archive.it.testing.StoredFiles;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart after a crash re-indexes the files whose index commit the crash lost (H2 writes behind),
 * however long after the crash it comes. The server is killed; while it is down, what it stored is moved
 * to the day folder of three days ago, files and index paths alike (as if the crash had been then), and
 * two files are placed beside them whose rows the crash "lost"; the restart, today, finds them. Beside them,
 * slots of per-object stores as a power loss can leave them in {@code .incoming}: the one that holds a whole
 * object goes back under its lost name, the others go.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecoveryIT {

    @Test
    void filesWhoseCommitsTheCrashLostAreIndexedAgainByARestartDaysLater(@TempDir Path dir) throws Exception {
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        Map<String, String> env = Map.of("BEACON_DICOM_PORT", "11416", "BEACON_ADMIN_PASSWORD", "recovery-admin",
                "BEACON_STORAGE_MIN_FREE_MB", "10");
        try (StandaloneServer server = new StandaloneServer(dir.resolve("server"), env)) {
            server.start();
            try (DicomClient c = CtStore.client("RECOVERY", server.dicomPort())) {
                CtStore.storeSeries(c, "RECOV1", "Recovery^Late", study, series, 1, 3);
                c.release();
            }
            Thread.sleep(2000); // H2 writes its commits behind (0.5 s): these rows are to be on disk
            server.kill();

            String today = day(LocalDate.now());
            String crashDay = day(LocalDate.now().minusDays(3));
            Path root = server.storageRoot();
            Files.createDirectories(root.resolve(crashDay).getParent());
            Files.move(root.resolve(today), root.resolve(crashDay));
            String seriesDir;
            try (Connection db = server.database()) {
                Map<Long, String> paths = new LinkedHashMap<>();
                try (ResultSet rs = db.createStatement().executeQuery("select id, path from stored_object")) {
                    while (rs.next()) {
                        paths.put(rs.getLong(1), rs.getString(2));
                    }
                }
                try (PreparedStatement update = db.prepareStatement("update stored_object set path = ? where id = ?")) {
                    for (var p : paths.entrySet()) {
                        update.setString(1, crashDay + p.getValue().substring(today.length()));
                        update.setLong(2, p.getKey());
                        update.executeUpdate();
                    }
                }
                seriesDir = Path.of(crashDay + paths.values().iterator().next().substring(today.length())).getParent()
                        .toString();
            }
            // two objects placed just before the crash whose index commits it lost: files without rows
            Map<String, Attributes> lost = new HashMap<>();
            for (int i = 4; i <= 5; i++) {
                Attributes ds = Synthetic.ct("RECOV1", "Recovery^Late", study, series, i, 1024);
                String iuid = ds.getString(Tag.SOPInstanceUID);
                Synthetic.write(ds, root.resolve(seriesDir).resolve(iuid + ".dcm"));
                lost.put(iuid, ds);
            }

            // per-object stores leave slots in .incoming (IncomingSlots): a whole one whose final name the crash
            // lost goes back in place; one whose content does not match its mark, or with no mark, never had its
            // fsync completed (never acknowledged) and goes; a slot that is a second name of a stored file goes
            Path incoming = Files.createDirectories(root.resolve(".incoming"));
            Attributes whole = Synthetic.ct("RECOV1", "Recovery^Late", study, series, 6, 1024);
            Path wholeSlot = slot(incoming, whole);
            mark(wholeSlot, LocalDate.now().minusDays(3), StoredFiles.datasetSha256(wholeSlot));
            Attributes torn = Synthetic.ct("RECOV1", "Recovery^Late", study, series, 7, 1024);
            Path tornSlot = slot(incoming, torn);
            mark(tornSlot, LocalDate.now().minusDays(3), "00".repeat(32));
            Attributes unmarked = Synthetic.ct("RECOV1", "Recovery^Late", study, series, 8, 1024);
            Path unmarkedSlot = slot(incoming, unmarked);
            Path storedFile;
            try (var files = Files.list(root.resolve(seriesDir))) {
                storedFile = files.filter(f -> !lost.containsKey(f.getFileName().toString().replace(".dcm", "")))
                        .findFirst().orElseThrow();
            }
            Path secondName = Files.createLink(incoming.resolve(UUID.randomUUID() + ".part"), storedFile);

            server.start(); // today, three days after "the crash"
            Map<String, JsonObject> after = instances(server, series);
            JsonObject back = after.get(whole.getString(Tag.SOPInstanceUID));
            assertTrue(back != null && back.getString("path").startsWith(crashDay), "the whole slot's object is "
                    + "back under its name and indexed: " + after.keySet());
            assertEquals(StoredFiles.datasetSha256(root.resolve(back.getString("path"))), back.getString("digest"));
            assertTrue(back.getBoolean("durable"));
            for (Attributes never : new Attributes[] {torn, unmarked}) {
                assertTrue(!after.containsKey(never.getString(Tag.SOPInstanceUID)), "never acknowledged: "
                        + never.getString(Tag.InstanceNumber));
            }
            for (Path slot : new Path[] {wholeSlot, tornSlot, unmarkedSlot, secondName}) {
                assertTrue(!Files.exists(slot), slot + " left in .incoming");
            }
            assertTrue(Files.isRegularFile(storedFile));
            assertEquals(1, Files.getAttribute(storedFile, "unix:nlink"), "the stored file's one name left");
            after.remove(whole.getString(Tag.SOPInstanceUID));
            assertEquals(5, after.size(), "the lost commits are indexed again: " + after.keySet());
            for (String iuid : lost.keySet()) {
                JsonObject instance = after.get(iuid);
                Path file = root.resolve(instance.getString("path"));
                assertTrue(instance.getString("path").startsWith(crashDay), instance.toString());
                assertEquals(StoredFiles.datasetSha256(file), instance.getString("digest"));
                assertTrue(instance.getBoolean("durable"));
            }
            assertEquals(6, Beacon.object(server.api("GET", "/studies/" + study)).getInt("numberOfInstances"));
        }
    }

    /** A slot holding {@code ds} as a store writes it: a Part 10 file in .incoming. */
    private static Path slot(Path incoming, Attributes ds) throws Exception {
        Path slot = incoming.resolve(UUID.randomUUID() + ".part");
        Synthetic.write(ds, slot);
        return slot;
    }

    /** The mark a store writes on its slot before the fsync: day, digest algorithm, newline, raw digest. */
    private static void mark(Path slot, LocalDate day, String hexDigest) throws Exception {
        byte[] head = (String.format("%04d%02d%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth())
                + "SHA-256\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer value = ByteBuffer.allocate(head.length + 32).put(head).put(HexFormat.of().parseHex(hexDigest))
                .flip();
        Files.getFileAttributeView(slot, UserDefinedFileAttributeView.class).write("beacon.object", value);
    }

    private static String day(LocalDate d) {
        return String.format("%04d/%02d/%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    private static Map<String, JsonObject> instances(StandaloneServer server, String series) throws Exception {
        Map<String, JsonObject> instances = new HashMap<>();
        for (var v : Beacon.array(server.api("GET", "/series/" + series + "/instances"))) {
            instances.put(v.asJsonObject().getString("sopInstanceUid"), v.asJsonObject());
        }
        return instances;
    }
}
