package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.StandaloneServer;
import org.beaconpacs.archive.it.testing.StoredFiles;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.FileMetaInformation;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.pdu.AAbort;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second archive in deferred durability with the default 512 MiB heap: objects become durable
 * within the flush interval, an association aborted in the middle of a data set leaves nothing, and an
 * object larger than the heap streams through intact.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeferredIT {

    @TempDir
    static Path dir;
    private static StandaloneServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new StandaloneServer(dir.resolve("server"), Map.of("BEACON_DICOM_PORT", "11413",
                "BEACON_ADMIN_PASSWORD", "deferred-admin", "BEACON_STORAGE_MIN_FREE_MB", "10",
                "BEACON_STORAGE_DURABILITY", "deferred", "BEACON_STORAGE_FLUSH_MILLIS", "500"));
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static DicomClient associate() throws IOException {
        AAssociateRQ rq = DicomClient.request("DEFERSCU", Beacon.AE_TITLE);
        rq.addPresentationContext(PresentationContext.rq(1, UID.CTImageStorage, UID.ExplicitVRLittleEndian));
        return DicomClient.connect(Beacon.HOST, server.dicomPort(), rq, Timeouts.DEFAULT);
    }

    /**
     * Storage Commitment in deferred durability (issue "Storage Commitment", point 2): an object acknowledged
     * but not yet fsync'd is not committed; the report waits for the flusher and then commits it.
     */
    @Test
    void aCommitmentRequestedBeforeTheFsyncIsReportedOnlyOnceTheObjectsAreDurable() throws Exception {
        org.beaconpacs.archive.it.testing.Dcmjs.require();
        assertEquals(201, Beacon.call(server.api(), "POST", "/aes", jakarta.json.Json.createObjectBuilder()
                .add("aeTitle", "DEFERSCU").add("host", "127.0.0.1").add("port", Dcmtk.freePort()).build()
                .toString(), "admin", "deferred-admin").statusCode());
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        List<String> refs = new ArrayList<>();
        try (DicomClient c = associate()) {
            for (int i = 1; i <= 5; i++) {
                Attributes ds = Synthetic.ct("DEFER3", "Deferred^Commitment", study, series, i, 4096);
                assertEquals(0, c.store(UID.CTImageStorage, ds.getString(Tag.SOPInstanceUID),
                        UID.ExplicitVRLittleEndian, (out, ts) -> out.write(Synthetic.encode(ds))).status());
                refs.add(UID.CTImageStorage + "/" + ds.getString(Tag.SOPInstanceUID));
            }
            c.release();
        }
        var committed = org.beaconpacs.archive.it.testing.Dcmjs.commit("DEFERSCU", server.dicomPort(), 0, 20_000,
                30_000, UIDs.createUID(), refs);
        assertEquals(0, committed.actionStatus(), committed.output());
        assertEquals(1, committed.report().getInt("eventTypeId"), committed.output());
        assertEquals(5, committed.report().getJsonArray("referenced").size());
        // what was committed is on stable storage
        for (var v : Beacon.array(server.api("GET", "/series/" + series + "/instances"))) {
            assertTrue(v.asJsonObject().getBoolean("durable"), v.toString());
        }
    }

    @Test
    void deferredObjectsBecomeDurableWithinTheFlushInterval() throws Exception {
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        try (DicomClient c = associate()) {
            for (int i = 1; i <= 20; i++) {
                Attributes ds = Synthetic.ct("DEFER1", "Deferred^Durability", study, series, i, 4096);
                byte[] data = Synthetic.encode(ds);
                assertEquals(0, c.store(UID.CTImageStorage, ds.getString(Tag.SOPInstanceUID),
                        UID.ExplicitVRLittleEndian, (out, ts) -> out.write(data)).status());
            }
            c.release();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            var instances = Beacon.array(server.api("GET", "/series/" + series + "/instances"));
            assertEquals(20, instances.size());
            long durable = instances.stream().filter(v -> v.asJsonObject().getBoolean("durable")).count();
            if (durable == 20) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, durable + " of 20 durable after 10 s");
            Thread.sleep(200);
        }
    }

    @Test
    void anAssociationAbortedInTheMiddleOfADataSetLeavesNoFileAndNoRow() throws Exception {
        Attributes ds = Synthetic.ct("ABORT1", "Aborted^Transfer", UIDs.createUID(), UIDs.createUID(), 1,
                4 * 1024 * 1024);
        byte[] data = Synthetic.encode(ds);
        DicomClient c = associate();
        assertThrows(IOException.class, () -> c.store(UID.CTImageStorage, ds.getString(Tag.SOPInstanceUID),
                UID.ExplicitVRLittleEndian, (out, ts) -> {
                    out.write(data, 0, data.length / 2);
                    out.flush();
                    c.association().abort(AAbort.byUser());
                    throw new IOException("aborted on purpose");
                }));
        c.close();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (countFiles(server.storageRoot().resolve(".incoming")) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, countFiles(server.storageRoot().resolve(".incoming")), "the partial file was removed");
        assertEquals(404, server.api("GET", "/studies/" + ds.getString(Tag.StudyInstanceUID)).statusCode());
        try (var all = Files.walk(server.storageRoot())) {
            assertTrue(all.noneMatch(p -> p.toString().contains(ds.getString(Tag.SOPInstanceUID))), "no file");
        }
    }

    @Test
    void anObjectLargerThanTheServersHeapIsStoredIntact() throws Exception {
        Dcmtk.require("storescu");
        long pixels = 600L * 1024 * 1024; // the server runs with -Xmx512m
        Attributes ds = Synthetic.ct("HUGE1", "Huge^Object", UIDs.createUID(), UIDs.createUID(), 1, 2);
        ds.remove(Tag.PixelData);
        ds.setInt(Tag.NumberOfFrames, VR.IS, 1200);
        ds.setInt(Tag.Rows, VR.US, 512);
        ds.setInt(Tag.Columns, VR.US, 512);
        Path file = dir.resolve("huge.dcm");
        try (OutputStream out = Files.newOutputStream(file); DicomWriter w = new DicomWriter(out)) {
            w.writeFileMetaInformation(FileMetaInformation.of(ds, UID.ExplicitVRLittleEndian, "SYNTH"));
            w.writeDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            w.writeHeader(Tag.PixelData, VR.OW, pixels);
            w.write(new PatternStream(pixels), pixels);
        }
        List<String> cmd = new ArrayList<>(List.of("storescu", "-aec", Beacon.AE_TITLE, Beacon.HOST,
                String.valueOf(server.dicomPort()), file.toString()));
        Dcmtk.Result r = Dcmtk.run(cmd.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.output());
        String study = ds.getString(Tag.StudyInstanceUID);
        String series = ds.getString(Tag.SeriesInstanceUID);
        JsonObject instance = Beacon.array(server.api("GET", "/series/" + series + "/instances")).getJsonObject(0);
        Path stored = server.storageRoot().resolve(instance.getString("path"));
        assertEquals(StoredFiles.datasetSha256(file), StoredFiles.datasetSha256(stored), "the same data set bytes");
        assertEquals(StoredFiles.datasetSha256(file), instance.getString("digest"));
        assertEquals(204, server.api("DELETE", "/studies/" + study).statusCode());
        Files.delete(file);
    }

    private static long countFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    /** {@code length} bytes of a repeating pattern, generated as read (nothing held in memory). */
    private static final class PatternStream extends java.io.InputStream {
        private long left;

        PatternStream(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? (int) (left & 0xFF) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((left - i - 1) & 0xFF);
            }
            left -= n;
            return n;
        }
    }
}
