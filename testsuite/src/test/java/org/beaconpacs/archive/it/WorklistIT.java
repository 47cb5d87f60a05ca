package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.scu.FindResults;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Modality Worklist SCP against DCMTK's own: the example worklist of Debian's dcmtk (wlistdb/OFFIS,
 * turned into worklist files) imported through the REST API, then each of DCMTK's example worklist queries
 * (wlistqry) asked with {@code findscu -W} of the archive and of DCMTK's {@code wlmscpfs} serving the same
 * files: the answers must be the same.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorklistIT {

    private static final Path EXAMPLES = Path.of("/usr/share/doc/dcmtk/examples");
    private Path dir;
    private final List<Long> imported = new ArrayList<>();
    private Process wlmscpfs;
    private int wlmPort;

    @BeforeAll
    void importTheExampleWorklist() throws Exception {
        Dcmtk.require("wlmscpfs");
        Dcmtk.require("dump2dcm");
        Dcmtk.require("findscu");
        dir = Files.createTempDirectory("worklist-it");
        for (JsonValue v : Beacon.array(Beacon.api("GET", "/worklist?max=5000", null))) {
            Beacon.api("DELETE", "/worklist/" + v.asJsonObject().getJsonNumber("itemId").longValue(), null);
        }
        Path db = Files.createDirectories(dir.resolve("db/OFFIS"));
        Files.createFile(db.resolve("lockfile"));
        try (Stream<Path> dumps = Files.list(EXAMPLES.resolve("wlistdb/OFFIS"))) {
            for (Path dump : dumps.filter(p -> p.toString().endsWith(".dump")).sorted().toList()) {
                Path wl = db.resolve(dump.getFileName().toString().replace(".dump", ".wl"));
                assertEquals(0, Dcmtk.run("dump2dcm", "-g", dump.toString(), wl.toString()).exitCode());
                HttpResponse<String> r = post(wl);
                assertEquals(201, r.statusCode(), dump + ": " + r.body());
                imported.add(Beacon.object(r).getJsonNumber("id").longValue());
            }
        }
        assertFalse(imported.isEmpty());
        wlmPort = Dcmtk.freePort();
        wlmscpfs = Dcmtk.start("wlmscpfs", "-dfp", dir.resolve("db").toString(), String.valueOf(wlmPort));
        for (int i = 0; i < 50 && !Beacon.listening(wlmPort); i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    void removeIt() throws Exception {
        if (wlmscpfs != null) {
            wlmscpfs.destroyForcibly();
        }
        for (long id : imported) {
            Beacon.api("DELETE", "/worklist/" + id, null);
        }
    }

    static Stream<String> exampleQueries() throws IOException {
        try (Stream<Path> q = Files.list(EXAMPLES.resolve("wlistqry"))) {
            return q.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".dump")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("exampleQueries")
    void dcmtksExampleQueryGetsTheAnswersDcmtksWorklistServerGives(String query) throws Exception {
        Path keys = dir.resolve(query.replace(".dump", ".dcm"));
        assertEquals(0, Dcmtk.run("dump2dcm", EXAMPLES.resolve("wlistqry").resolve(query).toString(),
                keys.toString()).exitCode());
        List<String> expected = answers("OFFIS", wlmPort, keys, dir.resolve("dcmtk-" + query));
        // a step without a status is SCHEDULED in the archive; DCMTK leaves the status empty
        List<String> actual = answers(Beacon.AE_TITLE, Beacon.dicomPort(), keys, dir.resolve("beacon-" + query))
                .stream().map(a -> a.replace("(0040,0020) CS [SCHEDULED]", "(0040,0020) CS (no value available)"))
                .toList();
        assertEquals(String.join("--\n", expected), String.join("--\n", actual), query);
    }

    @Test
    void anItemIsReadBackAsDicomJsonWithWhatTheArchiveAddedToIt() throws Exception {
        JsonObject item = Beacon.object(Beacon.api("GET", "/worklist/" + imported.get(0), null));
        JsonObject sps = item.getJsonObject("00400100").getJsonArray("Value").getJsonObject(0);
        assertEquals("SCHEDULED", sps.getJsonObject("00400020").getJsonArray("Value").getString(0),
                "a step without a status is scheduled");
        assertTrue(item.containsKey("00100010") && item.containsKey("0020000D"), item.toString());
    }

    /** A key outside the worklist model is answered zero length with the pending status 0xFF01. */
    @Test
    void aKeyOutsideTheModelIsAnsweredEmptyWithPendingWarnings() throws Exception {
        org.beaconpacs.dicom.net.pdu.AAssociateRQ rq = DicomClient.request("WLTEST", Beacon.AE_TITLE);
        rq.addPresentationContext(org.beaconpacs.dicom.net.pdu.PresentationContext.rq(1,
                UID.ModalityWorklistInformationModelFind, UID.ExplicitVRLittleEndian));
        try (DicomClient c = DicomClient.connect(Beacon.HOST, Beacon.dicomPort(), rq,
                org.beaconpacs.dicom.net.association.Timeouts.DEFAULT)) {
            Attributes keys = new Attributes();
            keys.setNull(Tag.PatientName, VR.PN);
            keys.setNull(Tag.SeriesInstanceUID, VR.UI); // no worklist attribute
            keys.newSequence(Tag.ScheduledProcedureStepSequence).add(new Attributes());
            FindResults all = c.find(UID.ModalityWorklistInformationModelFind, keys);
            int n = 0;
            for (Attributes a : all) {
                assertTrue(a.contains(Tag.SeriesInstanceUID) && !a.containsValue(Tag.SeriesInstanceUID));
                n++;
            }
            assertEquals(imported.size(), n);
            assertEquals(0xFF01, all.pendingStatus(), "optional keys not supported");
            assertEquals(0, all.finalResponse().status());

            c.release();
        }
    }

    /** The answers of a {@code findscu -W}, each dumped and normalised, sorted. */
    private static List<String> answers(String calledAe, int port, Path keys, Path out) throws Exception {
        Files.createDirectories(out);
        Dcmtk.Result r = Dcmtk.run("findscu", "-W", "-X", "-od", out.toString(), "-aet", "WLTEST", "-aec", calledAe,
                Beacon.HOST, String.valueOf(port), keys.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertFalse(r.output().contains("E: "), calledAe + " failed: " + r.output());
        List<String> answers = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.sorted().toList()) {
                answers.add(normalised(Dcmtk.run("dcmdump", "-q", f.toString()).output()));
            }
        }
        answers.sort(null);
        return answers;
    }

    /**
     * A dump without what differs between equal answers: lengths, delimiters, the character set, the file
     * meta information findscu adds, and empty sequences (DCMTK leaves out a sequence key the item lacks;
     * the archive answers it empty).
     */
    private static String normalised(String dump) {
        StringBuilder b = new StringBuilder();
        String[] lines = dump.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.contains(" SQ ") && emptySequence(lines, i)) {
                continue;
            }
            String l = line.replaceAll("\\s+#.*$", "").stripTrailing();
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("(fffe,") || t.startsWith("(0002,") || t.startsWith("(0008,0005)") || t.startsWith("#")) {
                continue;
            }
            b.append(l.replaceAll("SQ \\(Sequence.*$", "SQ")).append('\n');
        }
        return b.toString();
    }

    /** The sequence at line {@code i} has no item: the next line is its delimiter or a sibling. */
    private static boolean emptySequence(String[] lines, int i) {
        int indent = lines[i].length() - lines[i].stripLeading().length();
        for (int j = i + 1; j < lines.length; j++) {
            String next = lines[j];
            if (next.strip().startsWith("(fffe,e0dd)")) {
                return true;
            }
            if (!next.isBlank()) {
                return next.length() - next.stripLeading().length() <= indent;
            }
        }
        return true;
    }

    private static HttpResponse<String> post(Path file) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Beacon.API + "/worklist"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:"
                        + Beacon.adminPassword()).getBytes()))
                .header("Content-Type", "application/dicom").POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
