package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DICOMweb against the deployed archive over plain HTTP (the wire as a user agent sees it: status codes,
 * headers, DICOM JSON). QIDO-RS: a study of two series stored once for the class by C-STORE, found by
 * keyword and by tag, its series and instances by path, paged with the Warning header, UID lists, person
 * name matching with and without fuzzymatching, includefield, 204, 400 and 401.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DicomWebIT {

    static final String ROOT = "http://127.0.0.1:8080/beacon/dicomweb";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static final String PATIENT = "QIDO" + System.nanoTime() % 100000;
    static final String STUDY = UIDs.createUID();
    static final String SERIES_A = UIDs.createUID();
    static final String SERIES_B = UIDs.createUID();
    static final List<String> INSTANCES_A = new ArrayList<>();

    @BeforeAll
    static void store() throws Exception {
        try (var c = CtStore.client("QIDOSCU")) {
            CtStore.storeSeries(c, PATIENT, "Webster^Quinn", STUDY, SERIES_A, 1, 5);
            CtStore.storeSeries(c, PATIENT, "Webster^Quinn", STUDY, SERIES_B, 6, 7);
            c.release();
        }
        JsonArray instances = Beacon.array(Beacon.api("GET", "/series/" + SERIES_A + "/instances", null));
        instances.forEach(v -> INSTANCES_A.add(v.asJsonObject().getString("sopInstanceUid")));
    }

    @Test
    void qidoFindsTheStudyByKeywordAndByTagWithItsCountsAndRetrieveUrl() throws Exception {
        for (String key : List.of("PatientID", "00100020")) {
            HttpResponse<String> rsp = get("/studies?" + key + "=" + PATIENT);
            assertEquals(200, rsp.statusCode(), rsp.body());
            assertEquals("application/dicom+json", rsp.headers().firstValue("Content-Type").orElse(""));
            JsonArray studies = json(rsp);
            assertEquals(1, studies.size(), rsp.body());
            JsonObject s = studies.getJsonObject(0);
            assertEquals(STUDY, value(s, "0020000D"));
            assertEquals("2", value(s, "00201206"), "Number of Study Related Series");
            assertEquals("7", value(s, "00201208"), "Number of Study Related Instances");
            assertEquals(ROOT + "/studies/" + STUDY, value(s, "00081190"), "RetrieveURL");
            assertEquals("Webster^Quinn", s.getJsonObject("00100010").getJsonArray("Value").getJsonObject(0)
                    .getString("Alphabetic"));
            assertFalse(s.containsKey("00080052"), "no Query/Retrieve Level in QIDO-RS");
        }
    }

    @Test
    void qidoGoesDownTheHierarchyAndPagesWithAWarning() throws Exception {
        JsonArray series = json(get("/studies/" + STUDY + "/series"));
        assertEquals(2, series.size());
        for (var v : series) {
            String uid = value(v.asJsonObject(), "0020000E");
            assertEquals(uid.equals(SERIES_A) ? "5" : "2", value(v.asJsonObject(), "00201209"));
            assertEquals(ROOT + "/studies/" + STUDY + "/series/" + uid, value(v.asJsonObject(), "00081190"));
        }
        HttpResponse<String> page = get("/studies/" + STUDY + "/series/" + SERIES_A + "/instances?limit=2&offset=1");
        assertEquals(200, page.statusCode(), () -> {
            try {
                return "all: " + get("/studies/" + STUDY + "/series/" + SERIES_A + "/instances").body();
            } catch (Exception e) {
                return e.toString();
            }
        });
        assertEquals(2, json(page).size());
        assertTrue(page.headers().firstValue("Warning").orElse("").startsWith("299 "), page.headers().toString());
        HttpResponse<String> last = get("/studies/" + STUDY + "/series/" + SERIES_A + "/instances?limit=2&offset=4");
        assertEquals(1, json(last).size());
        assertTrue(last.headers().firstValue("Warning").isEmpty(), "nothing more after the last page");
        // /instances across studies with a list of UIDs, comma-separated as PS3.18 8.3.4.1 says
        JsonArray two = json(get("/instances?SOPInstanceUID=" + INSTANCES_A.get(0) + "," + INSTANCES_A.get(3)));
        assertEquals(2, two.size());
        JsonObject i = two.getJsonObject(0);
        assertEquals(ROOT + "/studies/" + STUDY + "/series/" + SERIES_A + "/instances/" + value(i, "00080018"),
                value(i, "00081190"));
        assertEquals(PATIENT, value(i, "00100020"), "the study's attributes come with /instances");
    }

    @Test
    void qidoMatchesNamesFuzzilyOnlyWhenAskedAndIncludesFields() throws Exception {
        String name = URLEncoder.encode("webster^q*", StandardCharsets.UTF_8);
        assertEquals(1, json(get("/studies?PatientName=" + name + "&PatientID=" + PATIENT + "&fuzzymatching=true"))
                .size());
        assertEquals(204, get("/studies?PatientName=" + name + "&PatientID=" + PATIENT + "&fuzzymatching=false")
                .statusCode(), "exact matching is case-sensitive");
        String uid = "/instances?SOPInstanceUID=" + INSTANCES_A.get(0);
        assertFalse(json(get(uid)).getJsonObject(0).containsKey("00280103"));
        assertTrue(json(get(uid + "&includefield=00280103")).getJsonObject(0).containsKey("00280103"));
        JsonObject all = json(get(uid + "&includefield=all")).getJsonObject(0);
        assertTrue(all.containsKey("00280103") && all.containsKey("00280004"), all.keySet().toString());
        assertFalse(all.containsKey("7FE00010"), "never the pixel data");
    }

    @Test
    void qidoSaysWhatIsWrong() throws Exception {
        assertEquals(204, get("/studies?PatientID=NOBODY" + PATIENT).statusCode());
        HttpResponse<String> bad = get("/studies?PatientIdentity=1");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("PatientIdentity"), bad.body());
        assertEquals(400, get("/studies?limit=-1").statusCode());
        assertEquals(400, get("/studies?StudyDate=2024-01-01").statusCode(), "not a DA range");
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(ROOT + "/studies")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
    }

    @Test
    void orthancsDicomWebPluginQueriesTheArchive(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (var orthanc = new org.beaconpacs.archive.it.testing.Orthanc(dir, "ORTHWEB", true)) {
            // Orthanc's DICOMweb client: QIDO-RS of studies, then of the study's series, through its servers API
            HttpResponse<String> studies = orthanc.post("/dicom-web/servers/beacon/qido", Json.createObjectBuilder()
                    .add("Uri", "/studies").add("Arguments", Json.createObjectBuilder().add("PatientID", PATIENT))
                    .build().toString());
            assertEquals(200, studies.statusCode(), studies.body());
            assertTrue(studies.body().strip().startsWith("["), studies.body());
            JsonArray found = (JsonArray) org.beaconpacs.archive.it.testing.Orthanc.json(studies);
            assertEquals(1, found.size(), studies.body());
            assertEquals(STUDY, value(found.getJsonObject(0), "0020000D"));
            HttpResponse<String> series = orthanc.post("/dicom-web/servers/beacon/qido", Json.createObjectBuilder()
                    .add("Uri", "/studies/" + STUDY + "/series").build().toString());
            assertEquals(200, series.statusCode(), series.body());
            assertEquals(2, ((JsonArray) org.beaconpacs.archive.it.testing.Orthanc.json(series)).size());
        }
    }

    @Test
    void orthancsDicomWebPluginStoresIntoTheArchive(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String patient = "ORTHSTOW" + System.nanoTime() % 10000;
        String study = UIDs.createUID();
        byte[] file = part10(org.beaconpacs.archive.it.testing.Synthetic.ct(patient, "Orthanc^Stow", study,
                UIDs.createUID(), 1, 512), dir.resolve("for-orthanc.dcm"));
        try (var orthanc = new org.beaconpacs.archive.it.testing.Orthanc(dir.resolve("orthanc"), "ORTHSTOW", true)) {
            HttpResponse<String> uploaded = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + orthanc.httpPort + "/instances")).POST(HttpRequest.BodyPublishers.ofByteArray(file))
                    .header("Content-Type", "application/dicom").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, uploaded.statusCode(), uploaded.body());
            String orthancStudy = ((JsonObject) org.beaconpacs.archive.it.testing.Orthanc.json(uploaded))
                    .getString("ParentStudy");
            // STOW-RS from Orthanc's DICOMweb client to the archive
            HttpResponse<String> stow = orthanc.post("/dicom-web/servers/beacon/stow", Json.createObjectBuilder()
                    .add("Resources", Json.createArrayBuilder().add(orthancStudy)).build().toString());
            assertEquals(200, stow.statusCode(), stow.body());
        }
        assertEquals("1", value(json(get("/studies?PatientID=" + patient)).getJsonObject(0), "00201208"),
                "the study Orthanc sent, in the archive");
    }

    @Test
    void qidoAndMetadataAnswerInTheNativeDicomModelWhenAsked() throws Exception {
        String xml = "multipart/related; type=\"application/dicom+xml\"";
        HttpResponse<byte[]> found = bytes("/studies?PatientID=" + PATIENT, xml);
        assertEquals(200, found.statusCode());
        String type = found.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("multipart/related") && type.contains("application/dicom+xml"), type);
        List<byte[]> parts = parts(found.body(), type);
        assertEquals(1, parts.size(), "a part per study");
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(parts.get(0)));
        var xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();
        assertEquals("NativeDicomModel", doc.getDocumentElement().getTagName());
        assertEquals(STUDY, xpath.evaluate("//DicomAttribute[@tag='0020000D']/Value[@number='1']", doc));
        assertEquals("Webster", xpath.evaluate("//DicomAttribute[@keyword='PatientName']/PersonName/Alphabetic"
                + "/FamilyName", doc));
        assertEquals("7", xpath.evaluate("//DicomAttribute[@tag='00201208']/Value", doc));

        HttpResponse<byte[]> metadata = bytes("/studies/" + STUDY + "/series/" + SERIES_A + "/metadata", xml);
        List<byte[]> instances = parts(metadata.body(), metadata.headers().firstValue("Content-Type").orElse(""));
        assertEquals(5, instances.size());
        var first = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(instances.get(0)));
        assertTrue(xpath.evaluate("//DicomAttribute[@tag='7FE00010']/BulkData/@uri", first).startsWith(ROOT),
                "the pixels as a BulkData URI");
        assertEquals(406, bytes("/studies?PatientID=" + PATIENT, "text/csv").statusCode());
    }

    @Test
    void wadoRsGivesASeriesAsPart10FilesInTheSyntaxAsked() throws Exception {
        String path = "/studies/" + STUDY + "/series/" + SERIES_A;
        for (String[] ask : new String[][] {{null, "1.2.840.10008.1.2.1"},
                {"multipart/related; type=\"application/dicom\"; transfer-syntax=*", "1.2.840.10008.1.2.1"},
                {"multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2",
                    "1.2.840.10008.1.2"}}) {
            HttpResponse<byte[]> rsp = bytes(path, ask[0]);
            assertEquals(200, rsp.statusCode());
            String type = rsp.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith("multipart/related") && type.contains("application/dicom"), type);
            List<byte[]> parts = parts(rsp.body(), type);
            assertEquals(5, parts.size(), "one part an instance");
            List<String> uids = new ArrayList<>();
            for (byte[] part : parts) {
                try (var reader = new org.beaconpacs.dicom.io.DicomReader(new java.io.ByteArrayInputStream(part))) {
                    var file = reader.readFile();
                    assertEquals(ask[1], file.fileMetaInformation().getString(org.beaconpacs.dicom.dict.Tag
                            .TransferSyntaxUID), "the syntax asked for");
                    uids.add(file.dataset().getString(org.beaconpacs.dicom.dict.Tag.SOPInstanceUID));
                    assertEquals(PATIENT, file.dataset().getString(org.beaconpacs.dicom.dict.Tag.PatientID));
                    assertTrue(file.dataset().contains(org.beaconpacs.dicom.dict.Tag.PixelData));
                }
            }
            assertEquals(new java.util.HashSet<>(INSTANCES_A), new java.util.HashSet<>(uids));
        }
        HttpResponse<byte[]> one = bytes(path + "/instances/" + INSTANCES_A.get(2), null);
        assertEquals(1, parts(one.body(), one.headers().firstValue("Content-Type").orElse("")).size());
        assertEquals(404, bytes("/studies/" + UIDs.createUID(), null).statusCode());
        assertEquals(406, bytes(path, "application/json").statusCode());
    }

    @Test
    void wadoRsMetadataPointsAtThePixelDataWhichTheBulkDataUriGives() throws Exception {
        JsonArray metadata = json(get("/studies/" + STUDY + "/series/" + SERIES_A + "/metadata"));
        assertEquals(5, metadata.size());
        JsonObject first = metadata.getJsonObject(0);
        assertEquals(PATIENT, value(first, "00100020"));
        JsonObject pixels = first.getJsonObject("7FE00010");
        assertTrue(pixels != null && pixels.containsKey("BulkDataURI"), first.toString());
        assertFalse(pixels.containsKey("InlineBinary"));
        String url = pixels.getString("BulkDataURI");
        assertTrue(url.startsWith(ROOT + "/studies/" + STUDY + "/series/" + SERIES_A + "/instances/"), url);
        HttpResponse<byte[]> bulk = bytes(url.substring(ROOT.length()), null);
        assertEquals(200, bulk.statusCode());
        String type = bulk.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.contains("application/octet-stream"), type);
        List<byte[]> parts = parts(bulk.body(), type);
        assertEquals(1, parts.size());
        assertEquals(1024, parts.get(0).length, "the synthetic CT's 1 KiB of pixel data");
        assertEquals(1, json(get("/studies/" + STUDY + "/series/" + SERIES_A + "/instances/" + INSTANCES_A.get(1)
                + "/metadata")).size());
        assertEquals(7, json(get("/studies/" + STUDY + "/metadata")).size());
    }

    @Test
    void orthancRetrievesTheStudyByWadoRs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (var orthanc = new org.beaconpacs.archive.it.testing.Orthanc(dir, "ORTHWADO", true)) {
            HttpResponse<String> retrieved = orthanc.post("/dicom-web/servers/beacon/retrieve", Json
                    .createObjectBuilder().add("Resources", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("Study", STUDY))).build().toString());
            assertEquals(200, retrieved.statusCode(), retrieved.body());
            JsonArray instances = (JsonArray) org.beaconpacs.archive.it.testing.Orthanc.json(orthanc.get("/instances"));
            assertEquals(7, instances.size(), "the study's 7 instances, now in Orthanc");
        }
    }

    @Test
    void stowRsStoresPart10FilesWhichQidoThenFinds(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String patient = "STOW" + System.nanoTime() % 100000;
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        List<byte[]> files = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            files.add(part10(org.beaconpacs.archive.it.testing.Synthetic.ct(patient, "Stow^Sam", study, series, i,
                    2048), dir.resolve(i + ".dcm")));
        }
        HttpResponse<String> rsp = post("/studies", files, "application/dicom");
        assertEquals(200, rsp.statusCode(), rsp.body());
        JsonObject body = jsonObject(rsp);
        assertEquals(3, body.getJsonObject("00081199").getJsonArray("Value").size(), rsp.body());
        assertFalse(body.containsKey("00081198"), "nothing failed");
        assertEquals("3", value(json(get("/studies?PatientID=" + patient)).getJsonObject(0), "00201208"));
        // into a study by its path: an instance of another study is refused with 0xA900 (43264)
        byte[] other = part10(org.beaconpacs.archive.it.testing.Synthetic.ct(patient, "Stow^Sam", UIDs.createUID(),
                UIDs.createUID(), 9, 16), dir.resolve("other.dcm"));
        HttpResponse<String> wrongStudy = post("/studies/" + study, List.of(other), "application/dicom");
        assertEquals(409, wrongStudy.statusCode(), wrongStudy.body());
        assertEquals("43264", value(jsonObject(wrongStudy).getJsonObject("00081198").getJsonArray("Value")
                .getJsonObject(0), "00081197"));
        assertEquals(415, post("/studies", files, "application/pdf").statusCode());
        HttpResponse<String> notJson = post("/studies", files, "application/dicom+json");
        assertEquals(409, notJson.statusCode(), "Part 10 files sent as DICOM JSON: none stored");
        assertTrue(notJson.headers().firstValue("Warning").orElse("").contains("not JSON"), notJson.headers()
                .toString());
    }

    @Test
    void stowRsStoresDicomJsonWithItsBulkDataPartsNativeAndCompressed() throws Exception {
        String patient = "STOWJSON" + System.nanoTime() % 10000;
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        var plain = org.beaconpacs.archive.it.testing.Synthetic.ct(patient, "Json^Jo", study, series, 1, 512);
        byte[] pixels = plain.getBytes(org.beaconpacs.dicom.dict.Tag.PixelData);
        var jpeg = org.beaconpacs.archive.it.testing.Synthetic.ct(patient, "Json^Jo", study, series, 2, 2);
        jpeg.setInt(org.beaconpacs.dicom.dict.Tag.Rows, org.beaconpacs.dicom.data.VR.US, 16);
        jpeg.setInt(org.beaconpacs.dicom.dict.Tag.Columns, org.beaconpacs.dicom.data.VR.US, 16);
        for (int tag : new int[]{org.beaconpacs.dicom.dict.Tag.BitsAllocated, org.beaconpacs.dicom.dict.Tag.BitsStored}) {
            jpeg.setInt(tag, org.beaconpacs.dicom.data.VR.US, 8);
        }
        jpeg.setInt(org.beaconpacs.dicom.dict.Tag.HighBit, org.beaconpacs.dicom.data.VR.US, 7);
        var image = new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpeg", frame);
        var missing = org.beaconpacs.archive.it.testing.Synthetic.ct(patient, "Json^Jo", study, series, 3, 64);
        String json = "[" + bulkJson(plain, "pixels/plain") + "," + bulkJson(jpeg, "pixels/jpeg") + ","
                + bulkJson(missing, "pixels/none") + "]";

        String boundary = "beacon-" + UIDs.createUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        // the bulk data first, the metadata last: the order is the sender's choice
        part(body, boundary, "application/octet-stream", "pixels/plain", pixels);
        part(body, boundary, "image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50", "pixels/jpeg", frame.toByteArray());
        part(body, boundary, "application/dicom+json", null, json.getBytes(StandardCharsets.UTF_8));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> rsp = HTTP.send(HttpRequest.newBuilder(URI.create(ROOT + "/studies"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/related; type=\"application/dicom+json\"; boundary=" + boundary)
                .header("Accept", "application/dicom+json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:"
                        + Beacon.adminPassword()).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, rsp.statusCode(), "two stored, one failed: " + rsp.body());
        JsonObject answer = jsonObject(rsp);
        assertEquals(2, answer.getJsonObject("00081199").getJsonArray("Value").size(), rsp.body());
        JsonObject refused = answer.getJsonObject("00081198").getJsonArray("Value").getJsonObject(0);
        assertEquals("49152", value(refused, "00081197"), "0xC000: its BulkDataURI names no part");
        assertTrue(rsp.headers().allValues("Warning").stream().anyMatch(w -> w.contains("pixels/none")),
                rsp.headers().toString());

        String instances = "/studies/" + study + "/series/" + series + "/instances/";
        HttpResponse<byte[]> samples = bytes(instances + plain.getString(org.beaconpacs.dicom.dict.Tag.SOPInstanceUID)
                + "/frames/1", null);
        assertEquals(200, samples.statusCode());
        org.junit.jupiter.api.Assertions.assertArrayEquals(pixels, parts(samples.body(),
                samples.headers().firstValue("Content-Type").orElse("")).get(0), "the bulk data part's bytes");
        HttpResponse<byte[]> stored = bytes(instances + jpeg.getString(org.beaconpacs.dicom.dict.Tag.SOPInstanceUID)
                + "/frames/1", "multipart/related; type=\"image/jpeg\"");
        assertEquals(200, stored.statusCode(), new String(stored.body(), StandardCharsets.UTF_8));
        byte[] kept = parts(stored.body(), stored.headers().firstValue("Content-Type").orElse("")).get(0);
        // a fragment has an even length (PS3.5 A.4): an odd frame comes back with its pad byte after the EOI
        org.junit.jupiter.api.Assertions.assertArrayEquals(frame.toByteArray(), java.util.Arrays.copyOf(kept,
                frame.size()), "kept as sent, JPEG baseline");
        assertEquals(frame.size() + frame.size() % 2, kept.length);
    }

    private static String bulkJson(org.beaconpacs.dicom.data.Attributes ds, String uri) {
        return new org.beaconpacs.dicom.json.DicomJsonWriter((a, tag, vr, value) ->
                tag == org.beaconpacs.dicom.dict.Tag.PixelData ? uri : null).toJson(ds);
    }

    private static void part(java.io.ByteArrayOutputStream body, String boundary, String type, String location,
                             byte[] content) throws java.io.IOException {
        body.write(("\r\n--" + boundary + "\r\nContent-Type: " + type + "\r\n"
                + (location == null ? "" : "Content-Location: " + location + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.write(content);
    }

    @Test
    void stowRsTakesABodyLargerThanTheServletContainersDefaultLimit(@org.junit.jupiter.api.io.TempDir
                                                                       java.nio.file.Path dir) throws Exception {
        String patient = "STOWBIG" + System.nanoTime() % 10000;
        List<byte[]> files = new ArrayList<>();
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        for (int i = 1; i <= 24; i++) { // 24 × 512 KiB: more than Undertow's 10 MiB default
            var ds = org.beaconpacs.archive.it.testing.Synthetic.ct(patient, "Big^Body", study, series, i, 2);
            ds.setInt(org.beaconpacs.dicom.dict.Tag.Rows, org.beaconpacs.dicom.data.VR.US, 512);
            ds.setInt(org.beaconpacs.dicom.dict.Tag.Columns, org.beaconpacs.dicom.data.VR.US, 512);
            ds.setBytes(org.beaconpacs.dicom.dict.Tag.PixelData, org.beaconpacs.dicom.data.VR.OW, new byte[512 * 512 * 2]);
            files.add(part10(ds, dir.resolve(i + ".dcm")));
        }
        HttpResponse<String> rsp = post("/studies", files, "application/dicom");
        assertEquals(200, rsp.statusCode(), rsp.body());
        assertEquals(24, jsonObject(rsp).getJsonObject("00081199").getJsonArray("Value").size());
    }

    @Test
    void anImplicitVrInstanceKeepsTheStandardsVrsInItsMetadata(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String patient = "IMPLICIT" + System.nanoTime() % 10000;
        var ds = org.beaconpacs.archive.it.testing.Synthetic.ct(patient, "Implicit^Ian", UIDs.createUID(),
                UIDs.createUID(), 1, 64);
        for (int tag : new int[]{org.beaconpacs.dicom.dict.Tag.BitsAllocated, org.beaconpacs.dicom.dict.Tag.BitsStored}) {
            ds.setInt(tag, org.beaconpacs.dicom.data.VR.US, 8); // 8 bits: OB in explicit VR, still OW in implicit
        }
        ds.setInt(org.beaconpacs.dicom.dict.Tag.HighBit, org.beaconpacs.dicom.data.VR.US, 7);
        java.nio.file.Path file = dir.resolve("implicit.dcm");
        try (var out = java.nio.file.Files.newOutputStream(file);
             var w = new org.beaconpacs.dicom.io.DicomWriter(out)) {
            w.writeFile(org.beaconpacs.dicom.io.FileMetaInformation.of(ds, "1.2.840.10008.1.2", "SYNTH"), ds);
        }
        assertEquals(200, post("/studies", List.of(java.nio.file.Files.readAllBytes(file)), "application/dicom")
                .statusCode());
        JsonObject metadata = json(get("/studies/" + ds.getString(org.beaconpacs.dicom.dict.Tag.StudyInstanceUID)
                + "/metadata")).getJsonObject(0);
        assertEquals("OW", metadata.getJsonObject("7FE00010").getString("vr"), "PS3.5 A.1: Pixel Data is OW");
        assertEquals("US", metadata.getJsonObject("00280100").getString("vr"), "from the data dictionary");
        assertTrue(metadata.getJsonObject("7FE00010").containsKey("BulkDataURI"));
    }

    @Test
    void theNpmDicomwebClientStoresFindsAndRetrievesWithABearerToken(@org.junit.jupiter.api.io.TempDir
                                                                      java.nio.file.Path dir) throws Exception {
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        var ds = org.beaconpacs.archive.it.testing.Synthetic.ct("NPM" + System.nanoTime() % 10000, "Client^Npm", study,
                series, 1, 512);
        ds.setInt(org.beaconpacs.dicom.dict.Tag.Rows, org.beaconpacs.dicom.data.VR.US, 16);
        ds.setInt(org.beaconpacs.dicom.dict.Tag.Columns, org.beaconpacs.dicom.data.VR.US, 16);
        java.nio.file.Path file = org.beaconpacs.archive.it.testing.Synthetic.write(ds, dir.resolve("npm.dcm"));
        String token = Beacon.object(Beacon.api("POST", "/token", null)).getString("access_token");
        JsonObject heard = org.beaconpacs.archive.it.testing.Dcmjs.dicomweb(ROOT, token, file, study, series,
                ds.getString(org.beaconpacs.dicom.dict.Tag.SOPInstanceUID));
        assertEquals(1, heard.getInt("stored"), heard.toString());
        assertEquals(1, heard.getInt("studies"));
        assertEquals(1, heard.getInt("series"));
        assertEquals(1, heard.getInt("instances"));
        assertEquals(1, heard.getInt("metadata"));
        assertEquals("DICM", heard.getString("part10"), "a Part 10 file from retrieveInstance");
        assertEquals(512, heard.getInt("frameBytes"), "16 × 16 × 2 bytes");
        assertEquals(512, heard.getInt("bulkBytes"), "the Pixel Data by its BulkDataURI");
        assertEquals("PNG", heard.getString("rendered"));
    }

    @Test
    void stowRsRefusesEachMalformedPart10FileWithItsReasonAndStoresTheRest(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String patient = "STOWBAD" + System.nanoTime() % 10000;
        var ds = org.beaconpacs.archive.it.testing.Synthetic.ct(patient, "Bad^Parts", UIDs.createUID(),
                UIDs.createUID(), 1, 64);
        byte[] good = part10(ds, dir.resolve("good.dcm"));
        byte[] noDicm = good.clone();
        noDicm[128] = 'X';
        byte[] endsAfterDicm = java.util.Arrays.copyOf(good, 132);
        byte[] metaPastEnd = java.util.Arrays.copyOf(good, 132 + 12 + 20);
        var other = org.beaconpacs.archive.it.testing.Synthetic.ct(patient, "Bad^Parts", UIDs.createUID(),
                UIDs.createUID(), 2, 64);
        java.io.ByteArrayOutputStream unknown = new java.io.ByteArrayOutputStream();
        try (var w = new org.beaconpacs.dicom.io.DicomWriter(unknown)) {
            w.writeFile(org.beaconpacs.dicom.io.FileMetaInformation.of(other, "1.2.826.0.1.3680043.10.999.1", "T"),
                    other);
        }
        HttpResponse<String> rsp = post("/studies", List.of(noDicm, good, endsAfterDicm, metaPastEnd,
                unknown.toByteArray()), "application/dicom");
        assertEquals(202, rsp.statusCode(), rsp.body());
        JsonObject body = jsonObject(rsp);
        assertEquals(1, body.getJsonObject("00081199").getJsonArray("Value").size());
        JsonArray failed = body.getJsonObject("00081198").getJsonArray("Value");
        assertEquals(4, failed.size(), rsp.body());
        for (var f : failed) {
            assertEquals("49152", value(f.asJsonObject(), "00081197"), "0xC000: " + f);
        }
        String warnings = String.join("\n", rsp.headers().allValues("Warning"));
        for (String why : List.of("DICM", "ends right after", "past the end", "unknown transfer syntax")) {
            assertTrue(warnings.contains(why), why + " in " + warnings);
        }
        JsonArray stored = json(get("/instances?PatientID=" + patient));
        assertEquals(1, stored.size(), "only the good one, never an empty or partial object");
        assertEquals(409, post("/studies", List.of(noDicm, endsAfterDicm), "application/dicom").statusCode());
    }

    // ------------------------------------------------------------------ helpers

    static byte[] part10(org.beaconpacs.dicom.data.Attributes ds, java.nio.file.Path file) throws Exception {
        return java.nio.file.Files.readAllBytes(org.beaconpacs.archive.it.testing.Synthetic.write(ds, file));
    }

    /** A STOW-RS request of {@code parts} as multipart/related of {@code type}. */
    static HttpResponse<String> post(String path, List<byte[]> parts, String type) throws Exception {
        String boundary = "beacon-" + UIDs.createUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.write(("\r\n--" + boundary + "\r\nContent-Type: " + type + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.write(p);
        }
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest rq = HttpRequest.newBuilder(URI.create(ROOT + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/related; type=\"" + type + "\"; boundary=" + boundary)
                .header("Accept", "application/dicom+json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:"
                        + Beacon.adminPassword()).getBytes(StandardCharsets.UTF_8))).build();
        return HTTP.send(rq, HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject jsonObject(HttpResponse<String> rsp) {
        try (var r = Json.createReader(new StringReader(rsp.body()))) {
            return r.readObject();
        }
    }

    static HttpResponse<byte[]> bytes(String path, String accept) throws Exception {
        HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(ROOT + path)).timeout(Duration.ofSeconds(60)).GET()
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:"
                        + Beacon.adminPassword()).getBytes(StandardCharsets.UTF_8)));
        if (accept != null) {
            rq.header("Accept", accept);
        }
        return HTTP.send(rq.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The bodies of a multipart/related payload (RFC 2046), headers stripped. */
    static List<byte[]> parts(byte[] body, String contentType) {
        String boundary = null;
        for (String p : contentType.split(";")) {
            if (p.strip().startsWith("boundary=")) {
                boundary = p.strip().substring(9).replace("\"", "");
            }
        }
        assertTrue(boundary != null, contentType);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        List<Integer> at = new ArrayList<>();
        outer:
        for (int i = 0; i + delimiter.length <= body.length; i++) {
            for (int k = 0; k < delimiter.length; k++) {
                if (body[i + k] != delimiter[k]) {
                    continue outer;
                }
            }
            at.add(i);
        }
        List<byte[]> parts = new ArrayList<>();
        for (int n = 0; n + 1 < at.size(); n++) {
            int start = at.get(n) + delimiter.length;
            int end = at.get(n + 1) - 2; // the CRLF before the next delimiter
            int headersEnd = start;
            while (!(body[headersEnd] == '\r' && body[headersEnd + 1] == '\n' && body[headersEnd + 2] == '\r'
                    && body[headersEnd + 3] == '\n')) {
                headersEnd++;
            }
            parts.add(java.util.Arrays.copyOfRange(body, headersEnd + 4, end));
        }
        return parts;
    }

    static HttpResponse<String> get(String path) throws Exception {
        HttpRequest rq = HttpRequest.newBuilder(URI.create(ROOT + path)).timeout(Duration.ofSeconds(60)).GET()
                .header("Accept", "application/dicom+json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:"
                        + Beacon.adminPassword()).getBytes(StandardCharsets.UTF_8))).build();
        return HTTP.send(rq, HttpResponse.BodyHandlers.ofString());
    }

    static JsonArray json(HttpResponse<String> rsp) {
        assertEquals(200, rsp.statusCode(), rsp.body());
        try (var r = Json.createReader(new StringReader(rsp.body()))) {
            return r.readArray();
        }
    }

    /** The first value of attribute {@code tag} of a DICOM JSON object, as text. */
    static String value(JsonObject o, String tag) {
        JsonObject a = o.getJsonObject(tag);
        if (a == null || !a.containsKey("Value")) {
            return null;
        }
        var value = a.get("Value");
        if (value.getValueType() == jakarta.json.JsonValue.ValueType.STRING) {
            return ((jakarta.json.JsonString) value).getString(); // Orthanc's form of a QIDO answer
        }
        var v = ((JsonArray) value).get(0);
        return v.getValueType() == jakarta.json.JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) v).getString()
                : v.toString();
    }
}
