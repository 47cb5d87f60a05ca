package org.beaconpacs.archive.it;

import static org.beaconpacs.archive.it.testing.CtStore.store;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.archive.it.testing.Dcmjs;
import org.beaconpacs.archive.it.testing.Storage;
import org.beaconpacs.archive.it.testing.StoredFiles;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomFile;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** C-STORE into the deployed archive: what is acknowledged is stored as received, indexed and findable. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StorageIT {

    private static final Path SAMPLES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    /** Debian pydicom samples and the storescu option that proposes each one's transfer syntax. */
    private static final Map<String, String> SAMPLE_FILES = new LinkedHashMap<>();

    static {
        SAMPLE_FILES.put("CT_small.dcm", "-xe");
        SAMPLE_FILES.put("MR_small_implicit.dcm", "-xi");
        SAMPLE_FILES.put("MR_small_bigendian.dcm", "-xb");
        SAMPLE_FILES.put("image_dfl.dcm", "-xd");
        SAMPLE_FILES.put("JPEG2000.dcm", "-xw");
        SAMPLE_FILES.put("MR_small_jp2klossless.dcm", "-xv");
        SAMPLE_FILES.put("MR_small_jpeg_ls_lossless.dcm", "-xt");
        SAMPLE_FILES.put("MR_small_RLE.dcm", "-xr");
        SAMPLE_FILES.put("SC_rgb_jpeg_dcmtk.dcm", "-xy");
        SAMPLE_FILES.put("JPGExtended.dcm", "-xx");
        SAMPLE_FILES.put("rtplan.dcm", "-xe");
        SAMPLE_FILES.put("waveform_ecg.dcm", "-xe");
        SAMPLE_FILES.put("rtdose.dcm", "-xe");
        SAMPLE_FILES.put("rtstruct.dcm", "-xe");
        SAMPLE_FILES.put("test-SR.dcm", "-xe");
        SAMPLE_FILES.put("SC_rgb_rle_2frame.dcm", "-xr");
        SAMPLE_FILES.put("693_J2KI.dcm", "-xw");
        SAMPLE_FILES.put("JPEG-lossy.dcm", "-xx");
        SAMPLE_FILES.put("liver_1frame.dcm", "-xe");
    }

    private static String storescu(String option, Path... files) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("storescu", "-R", option, "-aet", "STORESCU", "-aec", Beacon.AE_TITLE,
                Beacon.HOST, String.valueOf(Beacon.dicomPort())));
        for (Path f : files) {
            cmd.add(f.toString());
        }
        Dcmtk.Result r = Dcmtk.run(cmd.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.output());
        return r.output();
    }

    @Test
    void sampleFilesOfEveryTransferSyntaxAreStoredAsReceivedIndexedAndDeleted() throws Exception {
        Dcmtk.require("storescu");
        Assumptions.requireSamples(SAMPLES);
        for (var sample : SAMPLE_FILES.entrySet()) {
            Path original = SAMPLES.resolve(sample.getKey());
            storescu(sample.getValue(), original);
            DicomFile sent = DicomFile.read(original);
            String studyUid = sent.dataset().getString(Tag.StudyInstanceUID);
            JsonObject study = Beacon.object(Beacon.api("GET", "/studies/" + studyUid, null));
            assertEquals(1, study.getInt("numberOfInstances"), sample.getKey());
            assertEquals(1, study.getInt("numberOfSeries"), sample.getKey());
            JsonObject instance = Storage.onlyInstance(studyUid);
            Path stored = Storage.root().resolve(instance.getString("path"));
            DicomFile kept = DicomFile.read(stored);
            assertEquals(sent.transferSyntax().uid(), kept.transferSyntax().uid(), sample.getKey() + ": as received");
            assertEquals(sent.transferSyntax().uid(), instance.getString("transferSyntax"));
            assertEquals(asSent(sent.dataset()), asSent(kept.dataset()), sample.getKey() + ": the same data set");
            assertEquals("STORESCU", kept.fileMetaInformation().getString(Tag.SourceApplicationEntityTitle));
            assertTrue(instance.getBoolean("durable"), "per-object durability");

            assertEquals(204, Beacon.api("DELETE", "/studies/" + studyUid, null).statusCode());
            assertEquals(404, Beacon.api("GET", "/studies/" + studyUid, null).statusCode());
            assertFalse(Files.exists(stored), sample.getKey() + ": the file went with the study");
        }
    }

    @Test
    void badObjectsGetTheirStatusAndTheNextGoodOneIsStored() throws Exception {
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        Attributes good = Synthetic.ct("STATUS1", "Status^Test", study, series, 1, 2048);
        String iuid = good.getString(Tag.SOPInstanceUID);
        try (DicomClient c = CtStore.client("STATUSSCU")) {
            Attributes mr = new Attributes(good);
            mr.setString(Tag.SOPClassUID, org.beaconpacs.dicom.data.VR.UI, UID.MRImageStorage);
            assertEquals(0xA900, store(c, iuid, Synthetic.encode(mr)).status(), "SOP class differs");

            Attributes noStudy = new Attributes(good);
            noStudy.remove(Tag.StudyInstanceUID);
            Command missing = store(c, iuid, Synthetic.encode(noStudy));
            assertEquals(0xC000, missing.status());
            assertTrue(missing.errorComment().contains("Study Instance UID"), missing.errorComment());

            byte[] whole = Synthetic.encode(good);
            Command truncated = store(c, iuid, java.util.Arrays.copyOf(whole, whole.length - 1000));
            assertEquals(0xC000, truncated.status(), "a truncated data set cannot be understood");

            assertEquals(0x0000, store(c, iuid, whole).status(), "the good one after the bad ones");
            assertEquals(0x0000, store(c, iuid, whole).status(), "the same object again");
            Attributes other = new Attributes(good);
            other.setString(Tag.PatientComments, org.beaconpacs.dicom.data.VR.LT, "changed");
            Command kept = store(c, iuid, Synthetic.encode(other));
            assertEquals(0xB006, kept.status(), "other content: the first is kept, with a warning");
            c.release();
        }
        JsonObject s = Beacon.object(Beacon.api("GET", "/studies/" + study, null));
        assertEquals(1, s.getInt("numberOfInstances"));
        JsonObject instance = Storage.onlyInstance(study);
        DicomFile kept = DicomFile.read(Storage.root().resolve(instance.getString("path")));
        assertEquals(good, kept.dataset(), "the first object is the one kept");
        try (var files = Files.walk(Storage.root().resolve(instance.getString("path")).getParent())) {
            assertEquals(1, files.filter(Files::isRegularFile).count(), "one file, not one per send");
        }
        assertEquals(List.of(), StoredFiles.temporaryLeftovers(Storage.root()), "no temporary file left behind");
        JsonObject record = null;
        for (var v : Beacon.array(Beacon.api("GET", "/activity?max=20", null))) {
            if ("STATUSSCU".equals(v.asJsonObject().getString("callingAe", null))) {
                record = v.asJsonObject();
                break;
            }
        }
        assertTrue(record != null);
        assertEquals(3, record.getInt("objectsStored"), record.toString());
        String failures = record.getString("failures");
        assertTrue(failures.contains("C-STORE-RQ 0xA900=1") && failures.contains("C-STORE-RQ 0xC000=2"), failures);
        assertTrue(record.getJsonArray("notes").toString().contains("other content"), record.toString());
        Beacon.api("DELETE", "/studies/" + study, null);
    }

    @Test
    void eightStorescuIntoOneStudyAtOnceStoreEveryInstanceOnce(@TempDir Path dir) throws Exception {
        Dcmtk.require("storescu");
        String study = UIDs.createUID();
        int processes = 8;
        int each = 25;
        List<Process> running = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            String series = UIDs.createUID();
            Path folder = dir.resolve("p" + p);
            for (int i = 1; i <= each; i++) {
                Synthetic.write(Synthetic.ct("CONC1", "Concurrent^Eight", study, series, i, 8192),
                        folder.resolve(i + ".dcm"));
            }
            ProcessBuilder pb = new ProcessBuilder("storescu", "+sd", "-aec", Beacon.AE_TITLE, Beacon.HOST,
                    String.valueOf(Beacon.dicomPort()), folder.toString()).redirectErrorStream(true);
            pb.environment().put("TCP_NODELAY", "1");
            running.add(pb.start());
        }
        for (Process p : running) {
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), out);
            assertFalse(out.contains("Error"), out);
        }
        JsonObject s = Beacon.object(Beacon.api("GET", "/studies/" + study, null));
        assertEquals(processes * each, s.getInt("numberOfInstances"));
        assertEquals(processes, s.getInt("numberOfSeries"));
        assertEquals("CT", s.getString("modalities"));
        var series = Beacon.array(Beacon.api("GET", "/studies/" + study + "/series", null));
        for (var v : series) {
            assertEquals(each, v.asJsonObject().getInt("numberOfInstances"));
        }
        var page = Beacon.object(Beacon.api("GET", "/studies?patientName=concurrent*&modality=CT", null));
        assertEquals(1, page.getInt("total"), "found by a wildcard patient name, any case");
        assertEquals(204, Beacon.api("DELETE", "/studies/" + study, null).statusCode());
    }

    @Test
    void aLocalAeThatStoresOnlyCtRefusesOtherStorageClasses(@TempDir Path dir) throws Exception {
        Dcmtk.require("storescu");
        assertEquals(201, Beacon.api("POST", "/aes", "{\"aeTitle\":\"CTONLY\",\"port\":" + Beacon.dicomPort()
                + ",\"local\":true,\"storageSopClasses\":[\"CTImageStorage\"]}").statusCode());
        try {
            JsonObject ae = Beacon.object(Beacon.api("GET", "/aes/CTONLY", null));
            assertEquals(List.of(UID.CTImageStorage), ae.getJsonArray("storageSopClasses").getValuesAs(
                    jakarta.json.JsonString::getString));
            String study = UIDs.createUID();
            Attributes ct = Synthetic.ct("CTONLY1", "Only^Ct", study, UIDs.createUID(), 1, 1024);
            Attributes mr = Synthetic.ct("CTONLY1", "Only^Ct", study, UIDs.createUID(), 2, 1024);
            mr.setString(Tag.SOPClassUID, VR.UI, UID.MRImageStorage);
            mr.setString(Tag.Modality, VR.CS, "MR");
            Path ctFile = Synthetic.write(ct, dir.resolve("ct.dcm"));
            Path mrFile = Synthetic.write(mr, dir.resolve("mr.dcm"));
            Dcmtk.Result refused = Dcmtk.run("storescu", "-aec", "CTONLY", Beacon.HOST,
                    String.valueOf(Beacon.dicomPort()), mrFile.toString());
            assertTrue(refused.output().contains("No presentation context for: (MR)"), refused.output());
            assertEquals(0, Dcmtk.run("storescu", "-aec", "CTONLY", Beacon.HOST, String.valueOf(Beacon.dicomPort()),
                    ctFile.toString()).exitCode());
            assertEquals(0, Dcmtk.run("storescu", "-aec", Beacon.AE_TITLE, Beacon.HOST,
                    String.valueOf(Beacon.dicomPort()), mrFile.toString()).exitCode(), "the other AE stores MR");
            assertEquals(2, Beacon.object(Beacon.api("GET", "/studies/" + study, null)).getInt("numberOfInstances"));
            assertEquals(400, Beacon.api("PUT", "/aes/CTONLY", "{\"aeTitle\":\"CTONLY\",\"port\":"
                    + Beacon.dicomPort() + ",\"local\":true,\"storageSopClasses\":[\"Verification\"]}").statusCode());
            assertEquals(204, Beacon.api("DELETE", "/studies/" + study, null).statusCode());
        } finally {
            Beacon.api("DELETE", "/aes/CTONLY", null);
        }
    }

    /**
     * A data set as storescu puts it on the wire: DCMTK drops Data Set Trailing Padding and group
     * lengths when it sends (its choice, not ours); everything else must arrive unchanged.
     */
    private static Attributes asSent(Attributes ds) {
        Attributes a = new Attributes(ds);
        a.remove(Tag.DataSetTrailingPadding);
        for (int tag : a.tags()) {
            if ((tag & 0xFFFF) == 0) {
                a.remove(tag);
            }
        }
        return a;
    }

    @Test
    void conflictingPatientDataKeepsTheFirstAndIsNoted() throws Exception {
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        Attributes first = Synthetic.ct("PAT1", "First^Patient", study, series, 1, 1024);
        // the same series: the archive knows it from the first, and must still see the other patient
        Attributes second = Synthetic.ct("PAT2", "Second^Patient", study, series, 2, 1024);
        Attributes renamed = Synthetic.ct("PAT1", "Renamed^Patient", UIDs.createUID(), UIDs.createUID(), 1, 1024);
        try (DicomClient c = CtStore.client("CONFLICTSCU")) {
            for (Attributes ds : List.of(first, second, renamed)) {
                assertEquals(0, store(c, ds.getString(Tag.SOPInstanceUID), Synthetic.encode(ds)).status());
            }
            c.release();
        }
        JsonObject s = Beacon.object(Beacon.api("GET", "/studies/" + study, null));
        assertEquals("PAT1", s.getString("patientId"), "the first patient wins");
        assertEquals("First^Patient", s.getString("patientName"));
        assertEquals(2, s.getInt("numberOfInstances"));
        JsonObject other = Beacon.object(Beacon.api("GET", "/studies/" + renamed.getString(Tag.StudyInstanceUID),
                null));
        assertEquals("First^Patient", other.getString("patientName"), "a new name updates nothing silently");
        String notes = "";
        for (var v : Beacon.array(Beacon.api("GET", "/activity?max=20", null))) {
            if ("CONFLICTSCU".equals(v.asJsonObject().getString("callingAe", null))) {
                notes = v.asJsonObject().getJsonArray("notes").toString();
                break;
            }
        }
        assertTrue(notes.contains("the first wins") && notes.contains("nothing updated"), notes);
        Beacon.api("DELETE", "/studies/" + study, null);
        Beacon.api("DELETE", "/studies/" + renamed.getString(Tag.StudyInstanceUID), null);
    }

    @Test
    void instancesOfASeriesStoredIntoLatelyAreIndexedWithEveryKeyAnInstanceNumberOrNone() throws Exception {
        // after the first instance the archive knows the series: the others take the store's short path
        // (on PostgreSQL one statement that counts and inserts), which must index them as fully
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        try (DicomClient c = CtStore.client("LATELYSCU")) {
            for (int i = 1; i <= 4; i++) {
                Attributes ds = Synthetic.ct("LATELY1", "Lately^Patient", study, series, i, 2048 * i);
                if (i == 3) {
                    ds.remove(Tag.InstanceNumber);
                }
                assertEquals(0, store(c, ds.getString(Tag.SOPInstanceUID), Synthetic.encode(ds)).status());
                numbers.put(ds.getString(Tag.SOPInstanceUID), i == 3 ? null : i);
            }
            c.release();
        }
        JsonObject s = Beacon.object(Beacon.api("GET", "/studies/" + study, null));
        assertEquals(4, s.getInt("numberOfInstances"));
        var seriesList = Beacon.array(Beacon.api("GET", "/studies/" + study + "/series", null));
        assertEquals(4, seriesList.get(0).asJsonObject().getInt("numberOfInstances"));
        long bytes = 0;
        for (var v : Beacon.array(Beacon.api("GET", "/series/" + series + "/instances", null))) {
            JsonObject instance = v.asJsonObject();
            String uid = instance.getString("sopInstanceUid");
            assertTrue(numbers.containsKey(uid), uid);
            Integer number = numbers.remove(uid);
            if (number == null) {
                assertTrue(!instance.containsKey("instanceNumber") || instance.isNull("instanceNumber"),
                        instance.toString());
            } else {
                assertEquals(number, instance.getInt("instanceNumber"));
            }
            assertEquals(UID.CTImageStorage, instance.getString("sopClassUid"));
            assertEquals(UID.ExplicitVRLittleEndian, instance.getString("transferSyntax"));
            assertEquals("SHA-256", instance.getString("digestAlgorithm"));
            Path file = Storage.root().resolve(instance.getString("path"));
            assertEquals(Files.size(file), instance.getJsonNumber("size").longValue());
            assertEquals(StoredFiles.datasetSha256(file), instance.getString("digest"));
            assertEquals(uid, DicomFile.read(file).dataset().getString(Tag.SOPInstanceUID));
            bytes += Files.size(file);
        }
        assertTrue(numbers.isEmpty(), "not listed: " + numbers.keySet());
        assertEquals(bytes, s.getJsonNumber("sizeBytes").longValue());
        assertEquals(204, Beacon.api("DELETE", "/studies/" + study, null).statusCode());
    }

    @Test
    void aSeriesStoredAgainAfterItsStudyWasDeletedIsCountedAfresh() throws Exception {
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        try (DicomClient c = CtStore.client("AGAINSCU")) {
            CtStore.storeSeries(c, "AGAIN1", "Again^Patient", study, series, 1, 3);
            assertEquals(204, Beacon.api("DELETE", "/studies/" + study, null).statusCode());
            // the archive stored into this series a moment ago; its rows are gone now
            CtStore.storeSeries(c, "AGAIN1", "Again^Patient", study, series, 4, 5);
            c.release();
        }
        JsonObject s = Beacon.object(Beacon.api("GET", "/studies/" + study, null));
        assertEquals(2, s.getInt("numberOfInstances"));
        assertEquals(1, s.getInt("numberOfSeries"));
        var seriesList = Beacon.array(Beacon.api("GET", "/studies/" + study + "/series", null));
        assertEquals(1, seriesList.size());
        assertEquals(2, seriesList.get(0).asJsonObject().getInt("numberOfInstances"));
        long bytes = 0;
        for (var v : Beacon.array(Beacon.api("GET", "/series/" + series + "/instances", null))) {
            bytes += v.asJsonObject().getJsonNumber("size").longValue();
        }
        assertEquals(bytes, s.getJsonNumber("sizeBytes").longValue(), "the study's size counts the new files only");
        assertEquals(204, Beacon.api("DELETE", "/studies/" + study, null).statusCode());
    }

    @Test
    void withTheReplacePolicyOtherContentReplacesTheStoredObject() throws Exception {
        String study = UIDs.createUID();
        Attributes first = Synthetic.ct("REPL1", "Replace^Policy", study, UIDs.createUID(), 1, 4096);
        Attributes second = new Attributes(first);
        second.setBytes(Tag.PixelData, org.beaconpacs.dicom.data.VR.OW, new byte[8192]);
        String iuid = first.getString(Tag.SOPInstanceUID);
        Path firstFile;
        try (org.beaconpacs.archive.it.testing.Management m = new org.beaconpacs.archive.it.testing.Management();
             DicomClient c = CtStore.client("REPLACESCU")) {
            assertEquals(0, store(c, iuid, Synthetic.encode(first)).status());
            firstFile = Storage.root().resolve(Storage.onlyInstance(study).getString("path"));
            m.systemProperty("beacon.storage.duplicates", "replace");
            try {
                assertEquals(0, store(c, iuid, Synthetic.encode(second)).status());
            } finally {
                m.systemProperty("beacon.storage.duplicates", "keep-first");
            }
            c.release();
        }
        JsonObject instance = Storage.onlyInstance(study);
        Path kept = Storage.root().resolve(instance.getString("path"));
        assertEquals(second, DicomFile.read(kept).dataset(), "the second object replaced the first");
        assertFalse(Files.exists(firstFile), "the replaced file is gone");
        JsonObject s = Beacon.object(Beacon.api("GET", "/studies/" + study, null));
        assertEquals(1, s.getInt("numberOfInstances"));
        assertEquals(Files.size(kept), s.getJsonNumber("sizeBytes").longValue(), "the study's size follows");
        Beacon.api("DELETE", "/studies/" + study, null);
    }

    /**
     * Transfer syntaxes of the current PS3.6 that modalities already send (HTJ2K, JPEG XL, Deflated Image
     * Frame Compression) are accepted and kept as received. The sender is dcmjs-dimse: DCMTK 3.6.7's
     * storescu cannot send them (it knows no syntax newer than 2022 and fails to "convert" the data set).
     */
    @Test
    void objectsInTheNewestTransferSyntaxesAreStoredAsReceived(@TempDir Path dir) throws Exception {
        Dcmjs.require();
        for (String ts : List.of(UID.HTJ2KLossless, UID.HTJ2K, UID.JPEGXLLossless, UID.DeflatedImageFrameCompression)) {
            String study = UIDs.createUID();
            byte[] frame = new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51, 1, 2, 3, 4};
            Path file = Synthetic.writeCompressed("TS1", study, UIDs.createUID(), ts, frame, dir.resolve(ts + ".dcm"));
            assertEquals(List.of(0), Dcmjs.store("DCMJS", Beacon.AE_TITLE, Beacon.dicomPort(), file), ts);
            JsonObject instance = Storage.onlyInstance(study);
            assertEquals(ts, instance.getString("transferSyntax"));
            DicomFile kept = DicomFile.read(Storage.root().resolve(instance.getString("path")));
            assertEquals(ts, kept.transferSyntax().uid(), "kept as received");
            // dcmjs-dimse encodes the data set anew (its own value padding); the compressed frame passes as it is
            Attributes sent = DicomFile.read(file).dataset();
            assertEquals(sent.getString(Tag.SOPInstanceUID), kept.dataset().getString(Tag.SOPInstanceUID));
            List<Object> fragments = kept.dataset().getFragments(Tag.PixelData).items();
            assertEquals(2, fragments.size(), ts + ": the offset table and the frame");
            assertTrue(java.util.Arrays.equals(frame, (byte[]) fragments.get(1)), ts + ": the frame as sent");
            assertEquals(204, Beacon.api("DELETE", "/studies/" + study, null).statusCode());
        }
    }

    @Test
    void anObjectThatCannotBePlacedIsRefusedWithOutOfResourcesAndLeavesNothing() throws Exception {
        String study = UIDs.createUID();
        String blockedSeries = UIDs.createUID();
        Attributes first = Synthetic.ct("PLACE1", "Place^Failure", study, UIDs.createUID(), 1, 1024);
        Attributes blocked = Synthetic.ct("PLACE1", "Place^Failure", study, blockedSeries, 1, 1024);
        String blockedUid = blocked.getString(Tag.SOPInstanceUID);
        try (DicomClient c = CtStore.client("PLACESCU")) {
            assertEquals(0, store(c, first.getString(Tag.SOPInstanceUID), Synthetic.encode(first)).status());
            Path studyDir = Storage.root().resolve(Storage.onlyInstance(study).getString("path")).getParent()
                    .getParent();
            // a file where the new series' directory must go: the rename into place fails
            Path obstacle = studyDir.resolve(blockedSeries);
            Files.writeString(obstacle, "in the way");
            try {
                Command refused = store(c, blockedUid, Synthetic.encode(blocked));
                assertEquals(0xA700, refused.status());
                assertTrue(refused.errorComment().startsWith("cannot write"), refused.errorComment());
            } finally {
                Files.delete(obstacle);
            }
            assertEquals(List.of(), StoredFiles.temporaryLeftovers(Storage.root()), "no temporary file left behind");
            assertEquals(1, Beacon.object(Beacon.api("GET", "/studies/" + study, null)).getInt("numberOfInstances"),
                    "no row for the refused object");
            assertEquals(0, store(c, blockedUid, Synthetic.encode(blocked)).status(), "stored once it can be placed");
            c.release();
        }
        JsonObject s = Beacon.object(Beacon.api("GET", "/studies/" + study, null));
        assertEquals(2, s.getInt("numberOfInstances"));
        assertEquals(2, s.getInt("numberOfSeries"));
        Beacon.api("DELETE", "/studies/" + study, null);
    }

    @Test
    void belowTheFreeSpaceThresholdStoresAreRefusedWithOutOfResources() throws Exception {
        Attributes ds = Synthetic.ct("FULL1", "Full^Disk", UIDs.createUID(), UIDs.createUID(), 1, 1024);
        try (org.beaconpacs.archive.it.testing.Management m = new org.beaconpacs.archive.it.testing.Management()) {
            m.systemProperty("beacon.storage.min-free-mb", "1000000000"); // a petabyte free, please
            try (DicomClient c = CtStore.client("FULLSCU")) {
                Thread.sleep(1100); // the free space is checked at most once a second
                Command refused = store(c, ds.getString(Tag.SOPInstanceUID), Synthetic.encode(ds));
                assertEquals(0xA700, refused.status());
                assertTrue(refused.errorComment().contains("free-space"), refused.errorComment());
                c.release();
            } finally {
                m.systemProperty("beacon.storage.min-free-mb", "10");
            }
        }
        assertEquals(404, Beacon.api("GET", "/studies/" + ds.getString(Tag.StudyInstanceUID), null).statusCode());
        Thread.sleep(1100);
        try (DicomClient c = CtStore.client("FULLSCU")) {
            assertEquals(0, store(c, ds.getString(Tag.SOPInstanceUID), Synthetic.encode(ds)).status(), "room again");
            c.release();
        }
        Beacon.api("DELETE", "/studies/" + ds.getString(Tag.StudyInstanceUID), null);
    }

    /** Sample files are a test input like a tool: required under CI. */
    static final class Assumptions {
        static void requireSamples(Path dir) {
            boolean present = Files.isDirectory(dir);
            if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("pydicom's sample files are missing under CI: .ci/run installs them");
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(present, "python3-pydicom samples not installed");
        }
    }
}
