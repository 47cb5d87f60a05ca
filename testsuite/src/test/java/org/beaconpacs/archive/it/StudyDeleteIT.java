package org.beaconpacs.archive.it;

import static org.beaconpacs.archive.it.testing.CtStore.store;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.archive.it.testing.Storage;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** DELETE /studies/{uid} meeting stores into the study and other deletes of it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StudyDeleteIT {

    @Test
    void aStudyBeingDeletedTakesNoObjectAndADeleteThatFailedCanBeFinished(@TempDir Path dir) throws Exception {
        Dcmtk.require("storescu");
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        Attributes first = Synthetic.ct("DEL1", "Delete^Meanwhile", study, series, 1, 1024);
        Attributes second = Synthetic.ct("DEL1", "Delete^Meanwhile", study, series, 2, 1024);
        Attributes late = Synthetic.ct("DEL1", "Delete^Meanwhile", study, series, 3, 1024);
        try (DicomClient c = CtStore.client("DELETESCU")) {
            assertEquals(0, store(c, first.getString(Tag.SOPInstanceUID), Synthetic.encode(first)).status());
            assertEquals(0, store(c, second.getString(Tag.SOPInstanceUID), Synthetic.encode(second)).status());
            List<Path> files = files(series);
            // the first file made undeletable (a directory with content in its place): the delete stops midway
            Path obstacle = files.get(0);
            Storage.makeUndeletable(obstacle);
            var stopped = Beacon.api("DELETE", "/studies/" + study, null);
            assertEquals(500, stopped.statusCode());
            String relative = Storage.root().relativize(obstacle).toString();
            assertTrue(Beacon.object(stopped).getString("message").startsWith("the delete of study " + study
                    + " stopped: cannot remove " + relative), stopped.body());
            assertEquals(404, Beacon.api("GET", "/studies/" + study, null).statusCode(), "left every list");

            // the study being deleted takes no new object (the next store would start it anew)...
            Command refused = store(c, late.getString(Tag.SOPInstanceUID), Synthetic.encode(late));
            assertEquals(0x0110, refused.status());
            assertEquals("the study is being deleted: send again later", refused.errorComment());
            // ...and acknowledges no resend of one it holds: the delete takes it
            assertEquals(0x0110, store(c, second.getString(Tag.SOPInstanceUID), Synthetic.encode(second)).status());
            // DCMTK's storescu hears the same refusal, with its comment
            Dcmtk.Result dcmtk = Dcmtk.run("storescu", "-d", "-aec", Beacon.AE_TITLE, Beacon.HOST,
                    String.valueOf(Beacon.dicomPort()), Synthetic.write(late, dir.resolve("late.dcm")).toString());
            assertTrue(dcmtk.output().contains("DIMSE Status                  : 0x0110"), dcmtk.output());
            assertTrue(dcmtk.output().contains("(0000,0902) LO [the study is being deleted: send again later]"),
                    dcmtk.output());

            Storage.clearObstacle(obstacle);
            assertEquals(204, Beacon.api("DELETE", "/studies/" + study, null).statusCode(), "the delete finished");
            for (Path f : files) {
                assertFalse(Files.exists(f), f + " is gone");
            }

            assertEquals(0, store(c, late.getString(Tag.SOPInstanceUID), Synthetic.encode(late)).status(),
                    "once deleted, the study starts anew");
            c.release();
        }
        var s = Beacon.object(Beacon.api("GET", "/studies/" + study, null));
        assertEquals(1, s.getInt("numberOfInstances"));
        assertEquals(late.getString(Tag.SOPInstanceUID), Storage.onlyInstance(study).getString("sopInstanceUid"));
        assertTrue(Files.isRegularFile(Storage.root().resolve(Storage.onlyInstance(study).getString("path"))));
        assertEquals(204, Beacon.api("DELETE", "/studies/" + study, null).statusCode());
    }

    @Test
    void twoDeletesOfOneStudyAtOnceEndWithoutConflict() throws Exception {
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        try (DicomClient c = CtStore.client("DELETESCU")) {
            CtStore.storeSeries(c, "DEL2", "Delete^Twice", study, series, 1, 80);
            c.release();
        }
        List<Path> files = files(series);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> deletes = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            deletes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return Beacon.api("DELETE", "/studies/" + study, null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        go.countDown();
        int deleted = 0;
        for (var d : deletes) {
            HttpResponse<String> r = d.get();
            // the second joins the first's delete (204), or comes after it (404); never a conflict
            assertTrue(r.statusCode() == 204 || r.statusCode() == 404, r.statusCode() + " " + r.body());
            deleted += r.statusCode() == 204 ? 1 : 0;
        }
        assertTrue(deleted >= 1);
        assertEquals(404, Beacon.api("GET", "/studies/" + study, null).statusCode());
        for (Path f : files) {
            assertFalse(Files.exists(f), f + " is gone");
        }
    }

    /** The stored files of a series, through the REST drill-down. */
    private static List<Path> files(String series) throws Exception {
        List<Path> files = new ArrayList<>();
        for (JsonValue v : Beacon.array(Beacon.api("GET", "/series/" + series + "/instances", null))) {
            files.add(Storage.root().resolve(v.asJsonObject().getString("path")));
        }
        return files;
    }
}
