package org.beaconpacs.archive.it;

import static org.beaconpacs.archive.it.testing.CtStore.store;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.archive.it.testing.StandaloneServer;
import org.beaconpacs.archive.it.testing.Storage;
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
 * A study delete that a file which cannot be removed stops midway, then a kill -9: the archive still
 * starts, the study stays out of every list and takes no object, a file of it whose index commit was
 * lost goes with it, and the delete finishes when asked again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InterruptedDeleteIT {

    @Test
    void aDeleteStoppedMidwayKeepsNoStudyAliveAndNoArchiveFromStarting(@TempDir Path dir) throws Exception {
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        Map<String, String> env = Map.of("BEACON_DICOM_PORT", "11413", "BEACON_ADMIN_PASSWORD", "delete-admin",
                "BEACON_STORAGE_MIN_FREE_MB", "10");
        try (StandaloneServer server = new StandaloneServer(dir.resolve("server"), env)) {
            server.start();
            try (DicomClient c = CtStore.client("INTERRUPTSCU", server.dicomPort())) {
                CtStore.storeSeries(c, "INT1", "Interrupted^Delete", study, series, 1, 3);
                c.release();
            }
            List<Path> files = new ArrayList<>();
            for (JsonValue v : Beacon.array(server.api("GET", "/series/" + series + "/instances"))) {
                files.add(server.storageRoot().resolve(v.asJsonObject().getString("path")));
            }
            // a directory with content where the first file was: the delete cannot remove it
            Path obstacle = files.get(0);
            Storage.makeUndeletable(obstacle);
            assertEquals(500, server.api("DELETE", "/studies/" + study).statusCode());
            // a file of the study placed by a store whose index commit the crash below loses
            Attributes lost = Synthetic.ct("INT1", "Interrupted^Delete", study, series, 4, 1024);
            Path lostFile = Synthetic.write(lost, files.get(1).resolveSibling(lost.getString(Tag.SOPInstanceUID)
                    + ".dcm"));

            server.kill();
            server.start(); // the delete fails again at the start: logged, the archive starts all the same
            assertEquals(404, server.api("GET", "/studies/" + study).statusCode(), "still out of every list");
            assertFalse(Files.exists(lostFile), "the file whose commit was lost went with its study");
            Attributes late = Synthetic.ct("INT1", "Interrupted^Delete", study, series, 5, 1024);
            try (DicomClient c = CtStore.client("INTERRUPTSCU", server.dicomPort())) {
                assertEquals(0x0110, store(c, late.getString(Tag.SOPInstanceUID), Synthetic.encode(late)).status());
                c.release();
            }

            Storage.clearObstacle(obstacle);
            assertEquals(204, server.api("DELETE", "/studies/" + study).statusCode(), "finished when asked again");
            for (Path f : files) {
                assertFalse(Files.exists(f), f + " is gone");
            }
            assertTrue(Beacon.object(server.api("GET", "/studies")).getJsonArray("items").isEmpty());
        }
    }
}
