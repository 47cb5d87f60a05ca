package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.Mllp;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.archive.it.testing.SyslogCollector;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The audit trail (PS3.15 A.5) as an audit repository receives it: a syslog collector of the test's own (TLS in
 * the H2 phase, UDP in PostgreSQL's) checks every message against the schema and the syslog header, and the
 * tests find one message per kind of event with its participants: DCMTK's storescu, findscu and getscu, a
 * WADO-RS retrieve, logins (failed, by token), configuration changes, a study deleted, an HL7 order. The
 * messages are kept for the console too (GET /api/audit). Over TLS, a repository down for a minute while
 * images arrive gets every message afterwards, once and in order.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static SyslogCollector collector;

    @BeforeAll
    static void listen() throws Exception {
        collector = new SyslogCollector(SyslogCollector.protocol(), SyslogCollector.port()).start();
    }

    @AfterAll
    static void stop() throws Exception {
        collector.close();
        // exactly once is proven by the outage test against the kept records: two events alike (two associations
        // storing one study in the same millisecond) make equal messages, so equality proves no duplicate here
        assertEquals(List.of(), collector.problems(), "every message valid, with its syslog header");
    }

    @Test
    void storeQueryAndRetrieveNameTheirNodesStudiesAndPatients(@TempDir Path dir) throws Exception {
        Dcmtk.require("storescu");
        String patient = "AUD" + System.nanoTime();
        String study = UIDs.createUID();
        Attributes ct = Synthetic.ct(patient, "Audit^Alice", study, UIDs.createUID(), 1, 256);
        ct.setString(Tag.AccessionNumber, org.beaconpacs.dicom.data.VR.SH, "AUDACC1");
        Path file = Synthetic.write(ct, dir.resolve("ct.dcm"));
        Dcmtk.Result stored = Dcmtk.run("storescu", "-aet", "AUDITSCU", "-aec", Beacon.AE_TITLE, Beacon.HOST,
                String.valueOf(Beacon.dicomPort()), file.toString());
        assertEquals(0, stored.exitCode(), stored.output());

        SyslogCollector.Message in = collector.await(m -> m.eventId().equals("110104") && m.xml().contains(study)
                && action(m).equals("C"), WAIT, "for the stored study");
        Element source = participant(in, "AUDITSCU");
        assertEquals("true", source.getAttribute("UserIsRequestor"));
        assertEquals("AETITLES=AUDITSCU", source.getAttribute("AlternativeUserID"));
        assertEquals("127.0.0.1", source.getAttribute("NetworkAccessPointID"));
        assertEquals("110153", code(source, "RoleIDCode"));
        assertEquals("110152", code(participant(in, Beacon.AE_TITLE), "RoleIDCode"));
        Element studyObject = object(in, study);
        assertEquals("110180", code(studyObject, "ParticipantObjectIDTypeCode"));
        Element sopClass = (Element) studyObject.getElementsByTagName("SOPClass").item(0);
        assertEquals(ct.getString(Tag.SOPClassUID), sopClass.getAttribute("UID"));
        assertEquals("1", sopClass.getAttribute("NumberOfInstances"));
        assertEquals("AUDACC1", ((Element) studyObject.getElementsByTagName("Accession").item(0))
                .getAttribute("Number"));
        Element patientObject = object(in, patient);
        assertEquals("Audit^Alice", patientObject.getElementsByTagName("ParticipantObjectName").item(0)
                .getTextContent());

        Dcmtk.Result found = Dcmtk.run("findscu", "-aet", "AUDITFIND", "-aec", Beacon.AE_TITLE, "-S",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=" + patient, "-k", "StudyInstanceUID",
                Beacon.HOST, String.valueOf(Beacon.dicomPort()));
        assertEquals(0, found.exitCode(), found.output());
        SyslogCollector.Message query = collector.await(m -> m.eventId().equals("110112")
                && m.xml().contains("AUDITFIND"), WAIT, "for findscu's query");
        Element q = (Element) query.document().getElementsByTagName("ParticipantObjectIdentification").item(0);
        assertEquals("1.2.840.10008.5.1.4.1.2.2.1", q.getAttribute("ParticipantObjectID"));
        assertTrue(queryOf(query).contains(patient), "the query's identifier, as sent");
        assertEquals("E", action(query));

        Dcmtk.require("getscu");
        Dcmtk.Result got = Dcmtk.run("getscu", "-aet", "AUDITGET", "-aec", Beacon.AE_TITLE, "-S",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study, "-od", dir.toString(),
                Beacon.HOST, String.valueOf(Beacon.dicomPort()));
        assertEquals(0, got.exitCode(), got.output());
        SyslogCollector.Message out = collector.await(m -> m.eventId().equals("110104") && m.xml().contains(study)
                && m.xml().contains("AUDITGET"), WAIT, "for getscu's retrieve");
        assertEquals("R", action(out));
        assertEquals("110152", code(participant(out, "AUDITGET"), "RoleIDCode"));
        SyslogCollector.Message begin = collector.await(m -> m.eventId().equals("110102") && m.xml().contains(study)
                && m.xml().contains("AUDITGET"), WAIT, "for the beginning of getscu's retrieve");
        assertEquals("E", action(begin));
        assertTrue(begin.xml().contains("ParticipantObjectID=\"" + patient + "\""), begin.xml());
        assertEquals("110153", code(participant(out, Beacon.AE_TITLE), "RoleIDCode"));

        HttpResponse<String> wado = Beacon.call("http://127.0.0.1:8080/beacon/dicomweb", "GET", "/studies/" + study,
                null, "admin", Beacon.adminPassword());
        assertEquals(200, wado.statusCode());
        SyslogCollector.Message web = collector.await(m -> m.eventId().equals("110104") && m.xml().contains(study)
                && m.xml().contains("UserID=\"admin\""), WAIT, "for the WADO-RS retrieve");
        assertEquals("R", action(web));

        HttpResponse<String> ups = Beacon.call("http://127.0.0.1:8080/beacon/dicomweb", "GET",
                "/workitems?PatientID=" + patient, null, "admin", Beacon.adminPassword());
        assertEquals(204, ups.statusCode(), "no workitem for this patient");
        SyslogCollector.Message upsSearch = collector.await(m -> m.eventId().equals("110112")
                && m.xml().contains("ParticipantObjectID=\"1.2.840.10008.5.1.4.34.6.3\"")
                && m.xml().contains("UserID=\"admin\"") && queryOf(m).contains(patient), WAIT, "for the UPS-RS search");
        assertEquals("127.0.0.1", participant(upsSearch, "admin").getAttribute("NetworkAccessPointID"));

        // kept for the console, found by patient
        JsonArray kept = Beacon.array(Beacon.api("GET", "/audit?patientId=" + patient, null));
        Set<String> events = new HashSet<>();
        kept.getValuesAs(JsonObject.class).forEach(e -> events.add(e.getString("eventId")));
        assertEquals(Set.of("110102", "110104"), events, kept.toString());
        assertTrue(kept.size() >= 3, "stored, retrieved by C-GET and by WADO-RS: " + kept);
        long id = kept.getJsonObject(0).getJsonNumber("id").longValue();
        HttpResponse<String> xml = Beacon.api("GET", "/audit/" + id, null);
        assertEquals(200, xml.statusCode());
        assertTrue(xml.body().startsWith("<?xml") && xml.body().contains(patient), xml.body());
    }

    @Test
    void theArchivesStartIsAuditedAndReachesARepositoryThatCameLater() throws Exception {
        if (!"tls".equals(SyslogCollector.protocol())) {
            return; // over UDP the start went before the collector listened, and is lost there as RFC 5426 allows
        }
        SyslogCollector.Message start = collector.await(m -> m.eventId().equals("110100"), WAIT,
                "for the application start");
        assertTrue(start.xml().contains("csd-code=\"110120\""), start.xml());
        assertEquals("110150", code(participant(start, Beacon.AE_TITLE), "RoleIDCode"));
    }

    @Test
    void loginsAndSecurityChangesNameTheUser() throws Exception {
        assertEquals(401, Beacon.call("GET", "/studies", null, "mallory", "guess").statusCode());
        SyslogCollector.Message failed = collector.await(m -> m.eventId().equals("110114")
                && m.xml().contains("UserID=\"mallory\""), WAIT, "for the failed login");
        assertEquals("4", outcome(failed));
        assertEquals("110122", code((Element) failed.document().getElementsByTagName("EventIdentification").item(0),
                "EventTypeCode"));
        assertEquals("127.0.0.1", participant(failed, "mallory").getAttribute("NetworkAccessPointID"));

        assertEquals(200, Beacon.api("POST", "/token", null).statusCode());
        SyslogCollector.Message login = collector.await(m -> m.eventId().equals("110114")
                && m.xml().contains("UserID=\"admin\"") && outcome(m).equals("0"), WAIT, "for the token's login");
        assertEquals("true", participant(login, "admin").getAttribute("UserIsRequestor"));

        String ae = "AUD" + (System.nanoTime() % 1_000_000);
        assertEquals(201, Beacon.createRemoteAe(ae, "127.0.0.1", 104).statusCode());
        SyslogCollector.Message alert = collector.await(m -> m.eventId().equals("110113") && m.xml().contains(ae),
                WAIT, "for the AE's creation");
        assertEquals("110128", code((Element) alert.document().getElementsByTagName("EventIdentification").item(0),
                "EventTypeCode"));
        assertEquals("true", participant(alert, "admin").getAttribute("UserIsRequestor"));

        String user = "aud" + (System.nanoTime() % 1_000_000);
        assertEquals(200, Beacon.api("PUT", "/users/" + user,
                "{\"password\":\"a-long-password-1\",\"role\":\"viewer\"}").statusCode());
        SyslogCollector.Message account = collector.await(m -> m.eventId().equals("110113")
                && m.xml().contains("ParticipantObjectID=\"" + user + "\""), WAIT, "for the new user");
        assertEquals("110137", code((Element) account.document().getElementsByTagName("EventIdentification")
                .item(0), "EventTypeCode"));
        assertEquals(403, Beacon.call("GET", "/audit", null, user, "a-long-password-1").statusCode(),
                "the audit trail is for administrators");

        // an administrator (of their own, so that no earlier reading within the minute hides it) reads the trail
        String auditor = "auditor" + (System.nanoTime() % 1_000_000);
        assertEquals(200, Beacon.api("PUT", "/users/" + auditor,
                "{\"password\":\"a-long-password-2\",\"role\":\"admin\"}").statusCode());
        for (int i = 0; i < 2; i++) {
            assertEquals(200, Beacon.call("GET", "/audit?limit=1", null, auditor, "a-long-password-2").statusCode());
        }
        SyslogCollector.Message used = collector.await(m -> m.eventId().equals("110101")
                && m.xml().contains("UserID=\"" + auditor + "\""), WAIT, "for the audit log read");
        assertEquals("R", action(used));
        assertEquals("true", participant(used, auditor).getAttribute("UserIsRequestor"));
        Element log = object(used, "/beacon/api/audit");
        assertEquals("13", log.getAttribute("ParticipantObjectTypeCodeRole"));
        assertEquals("Security Audit Log", log.getElementsByTagName("ParticipantObjectName").item(0)
                .getTextContent());
        JsonArray reads = Beacon.array(Beacon.call("GET", "/audit?event=110101&user=" + auditor, null, auditor,
                "a-long-password-2"));
        assertEquals(1, reads.size(), "a reader's repeats within a minute are one message: " + reads);
    }

    @Test
    void aDeletedStudyAndAnHl7OrderNameTheirPatients(@TempDir Path dir) throws Exception {
        Dcmtk.require("storescu");
        String patient = "AUDD" + System.nanoTime();
        String study = UIDs.createUID();
        Path file = Synthetic.write(Synthetic.ct(patient, "Audit^Deleted", study, UIDs.createUID(), 1, 256),
                dir.resolve("ct.dcm"));
        assertEquals(0, Dcmtk.run("storescu", "-aec", Beacon.AE_TITLE, Beacon.HOST,
                String.valueOf(Beacon.dicomPort()), file.toString()).exitCode());
        collector.await(m -> m.xml().contains(study), WAIT, "for the stored study");
        assertEquals(200, Beacon.api("GET", "/studies/" + study, null).statusCode());
        SyslogCollector.Message read = collector.await(m -> m.eventId().equals("110103")
                && m.xml().contains(study), WAIT, "for the study read through the API");
        assertEquals("R", action(read));
        assertTrue(read.xml().contains("ParticipantObjectID=\"" + patient + "\""), read.xml());

        // an administrator's export to another AE (DCMTK's storescp)
        Dcmtk.require("storescp");
        int port = Dcmtk.freePort();
        java.nio.file.Files.createDirectories(dir.resolve("export"));
        Process storescp = new ProcessBuilder("storescp", "-aet", "AUDEXPORT", "-od", dir.resolve("export").toString(),
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(dir.resolve("storescp.log").toFile())
                .start();
        try {
            Beacon.awaitListening(port);
            assertEquals(201, Beacon.createRemoteAe("AUDEXPORT", "127.0.0.1", port).statusCode());
            HttpResponse<String> exported = Beacon.api("POST", "/studies/" + study + "/export?to=AUDEXPORT", null);
            assertEquals(200, exported.statusCode(), exported.body());
            SyslogCollector.Message export = collector.await(m -> m.eventId().equals("110106")
                    && m.xml().contains(study), WAIT, "for the export");
            assertEquals("110152", code(participant(export, "AUDEXPORT"), "RoleIDCode"));
            assertEquals("true", participant(export, "admin").getAttribute("UserIsRequestor"));
            assertTrue(export.xml().contains("ParticipantObjectID=\"" + patient + "\""), export.xml());
        } finally {
            storescp.destroy();
            Beacon.api("DELETE", "/aes/AUDEXPORT", null);
        }
        assertEquals(204, Beacon.api("DELETE", "/studies/" + study, null).statusCode());
        SyslogCollector.Message deleted = collector.await(m -> m.eventId().equals("110105")
                && m.xml().contains(study), WAIT, "for the delete");
        assertEquals("D", action(deleted));
        assertTrue(deleted.xml().contains("ParticipantObjectID=\"" + patient + "\""), deleted.xml());
        assertEquals("true", participant(deleted, "admin").getAttribute("UserIsRequestor"));

        Mllp.require();
        String pid = "AUDH" + (System.nanoTime() % 1_000_000);
        assertEquals("AA", Mllp.send(dir.resolve("adt.hl7"), Mllp.msh("ADT^A04", "2.3.1", "R" + pid),
                "EVN|A04|20261203090000", "PID|||" + pid + "^^^HOSP||Order^Olga||19700101|F").split(" ")[0]);
        SyslogCollector.Message registered = collector.await(m -> m.eventId().equals("110110")
                && m.xml().contains(pid), WAIT, "for the HL7 registration");
        assertEquals("C", action(registered));
        assertTrue(registered.xml().contains("Order^Olga"), registered.xml());
        assertEquals("AA", Mllp.send(dir.resolve("orm.hl7"), Mllp.msh("ORM^O01", "2.3.1", "A" + pid),
                "PID|||" + pid + "^^^HOSP||Order^Olga||19700101|F", "PV1||O",
                "ORC|NW|P" + pid + "|F" + pid + "||SC", "OBR|1|P" + pid + "|F" + pid + "|CT^CT HEAD|||20261203100000"
                        + "|".repeat(11) + "ACC" + pid + "||||||CT").split(" ")[0]);
        SyslogCollector.Message order = collector.await(m -> m.eventId().equals("110109")
                && m.xml().contains(pid), WAIT, "for the HL7 order");
        assertEquals("C", action(order));
        assertTrue(order.xml().contains("UserID=\"RIS|HOSP\""), order.xml());
    }

    @Test
    void anUnreachableRepositoryGetsEveryMessageOnceAndInOrderWhenItReturns(@TempDir Path dir) throws Exception {
        if (!"tls".equals(SyslogCollector.protocol())) {
            return; // UDP has no connection to find down: what is sent meanwhile is lost, as RFC 5426 says
        }
        Dcmtk.require("storescu");
        long before = lastKept();
        awaitForwarded(before);
        collector.stop();
        int receivedBefore = collector.received().size();
        int associations = 0;
        try {
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < end) { // a minute of images and failed logins while the repository is down
                Path f = Synthetic.write(Synthetic.ct("AUDOUT" + associations, "Outage^Ole", UIDs.createUID(),
                        UIDs.createUID(), 1, 256), dir.resolve(associations + ".dcm"));
                assertEquals(0, Dcmtk.run("storescu", "-aet", "OUTAGE" + associations % 3, "-aec", Beacon.AE_TITLE,
                        Beacon.HOST, String.valueOf(Beacon.dicomPort()), f.toString()).exitCode());
                assertEquals(401, Beacon.call("GET", "/studies", null, "outage-guess" + associations, "wrong")
                        .statusCode());
                associations++;
                Thread.sleep(2_000);
            }
            assertEquals(receivedBefore, collector.received().size(), "nothing received while down");
        } finally {
            collector.start();
        }
        long last = lastKept();
        awaitForwarded(last);
        Set<String> receivedWhileUp = new HashSet<>(collector.received().subList(0, receivedBefore).stream()
                .map(SyslogCollector.Message::xml).toList());
        List<String> expected = kept(before, last).stream().filter(x -> !receivedWhileUp.contains(x)).toList();
        assertTrue(expected.size() >= 2 * associations, expected.size() + " messages kept for " + associations
                + " associations and as many failed logins");
        List<String> delivered = collector.received().subList(receivedBefore, collector.received().size()).stream()
                .map(SyslogCollector.Message::xml).toList();
        assertEquals(expected, delivered.subList(0, expected.size()), "every message, once, in the order kept");
    }

    /** The id of the newest kept record. */
    private static long lastKept() throws Exception {
        JsonArray newest = Beacon.array(Beacon.api("GET", "/audit?limit=1", null));
        return newest.isEmpty() ? 0 : newest.getJsonObject(0).getJsonNumber("id").longValue();
    }

    /**
     * The XML of the records after {@code id} up to {@code last}, oldest first (reading them is audited too,
     * in records after {@code last}).
     */
    private static List<String> kept(long id, long last) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            JsonArray page = Beacon.array(Beacon.api("GET", "/audit?limit=1000&offset=" + offset, null));
            boolean older = false;
            for (JsonObject e : page.getValuesAs(JsonObject.class)) {
                long i = e.getJsonNumber("id").longValue();
                if (i <= id) {
                    older = true;
                    break;
                }
                if (i <= last) {
                    ids.add(0, i);
                }
            }
            if (older || page.size() < 1000) {
                break;
            }
        }
        List<String> xml = new ArrayList<>();
        for (long i : ids) {
            xml.add(Beacon.api("GET", "/audit/" + i, null).body());
        }
        return xml;
    }

    /** Waits until the collector has the record {@code id} (and so, in order, all before it). */
    private static void awaitForwarded(long id) throws Exception {
        if (id == 0) {
            return;
        }
        String xml = Beacon.api("GET", "/audit/" + id, null).body();
        collector.await(m -> m.xml().equals(xml), Duration.ofSeconds(60), "for record " + id);
    }

    /** The identifier of a Query message, decoded (its attributes' values readable). */
    private static String queryOf(SyslogCollector.Message m) {
        NodeList q = m.document().getElementsByTagName("ParticipantObjectQuery");
        return q.getLength() == 0 ? "" : new String(Base64.getDecoder().decode(q.item(0).getTextContent()),
                StandardCharsets.ISO_8859_1);
    }

    private static String action(SyslogCollector.Message m) {
        return ((Element) m.document().getElementsByTagName("EventIdentification").item(0))
                .getAttribute("EventActionCode");
    }

    private static String outcome(SyslogCollector.Message m) {
        return ((Element) m.document().getElementsByTagName("EventIdentification").item(0))
                .getAttribute("EventOutcomeIndicator");
    }

    private static Element participant(SyslogCollector.Message m, String userId) {
        NodeList list = m.document().getElementsByTagName("ActiveParticipant");
        for (int i = 0; i < list.getLength(); i++) {
            if (((Element) list.item(i)).getAttribute("UserID").equals(userId)) {
                return (Element) list.item(i);
            }
        }
        throw new AssertionError("no participant " + userId + " in " + m.xml());
    }

    private static Element object(SyslogCollector.Message m, String id) {
        NodeList list = m.document().getElementsByTagName("ParticipantObjectIdentification");
        for (int i = 0; i < list.getLength(); i++) {
            if (((Element) list.item(i)).getAttribute("ParticipantObjectID").equals(id)) {
                return (Element) list.item(i);
            }
        }
        throw new AssertionError("no participant object " + id + " in " + m.xml());
    }

    private static String code(Element parent, String element) {
        return ((Element) parent.getElementsByTagName(element).item(0)).getAttribute("csd-code");
    }
}
