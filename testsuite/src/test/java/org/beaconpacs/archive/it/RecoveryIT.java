package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * two files are placed beside them whose rows the crash "lost"; the restart, today, finds them.
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

            server.start(); // today, three days after "the crash"
            Map<String, JsonObject> after = instances(server, series);
            assertEquals(5, after.size(), "the lost commits are indexed again: " + after.keySet());
            for (String iuid : lost.keySet()) {
                JsonObject instance = after.get(iuid);
                Path file = root.resolve(instance.getString("path"));
                assertTrue(instance.getString("path").startsWith(crashDay), instance.toString());
                assertEquals(StoredFiles.datasetSha256(file), instance.getString("digest"));
                assertTrue(instance.getBoolean("durable"));
            }
            assertEquals(5, Beacon.object(server.api("GET", "/studies/" + study)).getInt("numberOfInstances"));
        }
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
