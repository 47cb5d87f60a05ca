package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.archive.it.testing.Dcmjs;
import org.beaconpacs.archive.it.testing.Management;
import org.beaconpacs.archive.it.testing.Storage;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Storage Commitment Push Model SCP (PS3.4 J) against dcmjs-dimse as the modality: the report on the
 * request's association while the modality keeps it open, and on a new association to the modality's
 * listener once it has released; a request mixing stored, unknown and class-mismatched instances and a file
 * changed after reception; the refusals of the N-ACTION itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageCommitmentIT {

    private final String patient = "SC" + (System.nanoTime() % 1_000_000);
    private final String study = UIDs.createUID();
    private final String series = UIDs.createUID();
    /** SOP Instance UID to its stored file's path, in instance-number order. */
    private final Map<String, String> stored = new TreeMap<>();
    private final List<String> uids = new ArrayList<>();
    private int modalityPort;

    @BeforeAll
    void storeAndConfigure() throws Exception {
        try (DicomClient c = CtStore.client("SCMODALITY")) {
            CtStore.storeSeries(c, patient, "Commit^Ment", study, series, 1, 4);
            c.release();
        }
        for (JsonValue v : Beacon.array(Beacon.api("GET", "/series/" + series + "/instances", null))) {
            JsonObject i = v.asJsonObject();
            stored.put(i.getString("sopInstanceUid"), i.getString("path"));
        }
        uids.addAll(stored.keySet());
        modalityPort = Dcmtk.freePort();
        assertEquals(201, Beacon.api("POST", "/aes", Json.createObjectBuilder().add("aeTitle", "SCMODALITY")
                .add("host", "127.0.0.1").add("port", modalityPort).add("mayCommit", true).build().toString())
                .statusCode());
        try (Management m = new Management()) {
            m.systemProperty("beacon.commitment.wait-seconds", "2"); // an unknown instance fails after 2 s
        }
    }

    @AfterAll
    void restore() throws Exception {
        Beacon.api("DELETE", "/aes/SCMODALITY", null);
        try (Management m = new Management()) {
            m.systemProperty("beacon.commitment.wait-seconds", "600");
        }
    }

    private static List<String> refs(String sopClass, List<String> instances) {
        return instances.stream().map(i -> sopClass + "/" + i).toList();
    }

    /**
     * The archive as SCU asks dcmjs-dimse (a long-term archive) to commit to the study: the SCP reports on
     * the request's association, first for a transaction nobody asked (refused, 0x0115), then the real
     * report, one instance failed; an SCP that never reports leaves the transaction awaited (202).
     */
    @Test
    void theArchiveAsksAnotherArchiveToCommitAndTakesItsReportOnTheSameAssociation(@TempDir Path dir)
            throws Exception {
        int port = Dcmtk.freePort();
        assertEquals(201, Beacon.createRemoteAe("SCLTA", "127.0.0.1", port).statusCode());
        String body = Json.createObjectBuilder().add("studyInstanceUID", study).build().toString();
        try {
            try (Dcmjs.CommitmentScp scp = Dcmjs.commitmentScp(dir, port, "same", List.of(uids.get(1)))) {
                var rsp = Beacon.api("POST", "/aes/SCLTA/commit?wait=30", body);
                assertEquals(200, rsp.statusCode(), rsp.body() + scp.log());
                JsonObject c = Beacon.object(rsp);
                assertEquals("REPORTED", c.getString("state"), c.toString());
                assertEquals("SAME_ASSOCIATION", c.getString("delivery"));
                assertEquals(uids.size() - 1, c.getInt("committed"));
                assertEquals(1, c.getInt("failed"));
                for (JsonValue v : c.getJsonArray("items")) {
                    JsonObject i = v.asJsonObject();
                    boolean fails = i.getString("sopInstanceUid").equals(uids.get(1));
                    assertEquals(fails ? "FAILED" : "COMMITTED", i.getString("result"), i.toString());
                    if (fails) {
                        assertEquals(0x0112, i.getInt("failureReason"));
                    }
                }
                String out = scp.output();
                assertTrue(out.contains("ACTION " + uids.size()), out);
                assertTrue(out.contains("UNKNOWN 0x0115"), "a report of a transaction nobody asked for: " + out);
                assertTrue(out.contains("REPORT 0x0000"), out);
            }
            try (Dcmjs.CommitmentScp scp = Dcmjs.commitmentScp(dir, port, "silent", List.of())) {
                var rsp = Beacon.api("POST", "/aes/SCLTA/commit?wait=1", body);
                assertEquals(202, rsp.statusCode(), rsp.body() + scp.log());
                JsonObject c = Beacon.object(rsp);
                assertEquals("AWAITING_REPORT", c.getString("state"));
                assertTrue(rsp.headers().firstValue("Location").orElse("").endsWith("/commitments/"
                        + c.getString("transactionUid")), rsp.headers().toString());
            }
        } finally {
            Beacon.api("DELETE", "/aes/SCLTA", null);
        }
    }

    @Test
    void theReportComesOnTheRequestsAssociationWhileTheModalityKeepsItOpen() throws Exception {
        Dcmjs.require();
        String tx = UIDs.createUID();
        Dcmjs.Committed c = Dcmjs.commit("SCMODALITY", Beacon.dicomPort(), 0, 15_000, 20_000, tx,
                refs(UID.CTImageStorage, uids.subList(0, 2)));
        assertEquals(0, c.actionStatus(), c.output());
        assertNotNull(c.report(), c.output());
        assertEquals("same", c.report().getString("how"));
        assertEquals(1, c.report().getInt("eventTypeId"), "all committed");
        assertEquals(tx, c.report().getString("transactionUid"));
        assertEquals(Beacon.AE_TITLE, c.report().getString("retrieveAeTitle"));
        assertEquals(2, c.report().getJsonArray("referenced").size());
        assertEquals(0, c.report().getJsonArray("failed").size());
    }

    @Test
    void aMixedRequestIsReportedOnANewAssociationInstanceByInstance() throws Exception {
        Dcmjs.require();
        // the last stored file changed after reception: its digest no longer matches
        Path changed = Storage.root().resolve(stored.get(uids.get(3)));
        byte[] bytes = Files.readAllBytes(changed);
        bytes[bytes.length - 1] ^= 1;
        Files.write(changed, bytes);
        List<String> refs = new ArrayList<>(refs(UID.CTImageStorage, List.of(uids.get(2), uids.get(3))));
        refs.add(UID.CTImageStorage + "/" + UIDs.createUID());            // never stored
        refs.add(UID.MRImageStorage + "/" + uids.get(0));                 // stored as CT
        String tx = UIDs.createUID();
        Dcmjs.Committed c = Dcmjs.commit("SCMODALITY", Beacon.dicomPort(), modalityPort, 0, 30_000, tx, refs);
        assertEquals(0, c.actionStatus(), c.output());
        assertNotNull(c.report(), c.output());
        assertEquals("new", c.report().getString("how"), "the modality had released its association");
        assertTrue(c.output().contains("ASSOCIATION " + Beacon.AE_TITLE + " -> SCMODALITY"),
                "the archive calls as the AE the modality called: " + c.output());
        assertEquals(2, c.report().getInt("eventTypeId"), "failures exist");
        assertEquals(1, c.report().getJsonArray("referenced").size());
        assertEquals(uids.get(2), c.report().getJsonArray("referenced").getJsonObject(0).getString("uid"));
        Map<String, Integer> failed = new TreeMap<>();
        for (JsonValue v : c.report().getJsonArray("failed")) {
            failed.put(v.asJsonObject().getString("uid"), v.asJsonObject().getInt("reason"));
        }
        assertEquals(3, failed.size(), c.output());
        assertEquals(0x0110, failed.get(uids.get(3)), "digest mismatch: processing failure");
        assertEquals(0x0119, failed.get(uids.get(0)), "class / instance conflict");
        assertEquals(0x0112, failed.get(refs.get(2).substring(refs.get(2).indexOf('/') + 1)), "no such instance");
    }

    @Test
    void aReportDueWhileTheModalityIsDownArrivesOnceItIsUpAgain() throws Exception {
        Dcmjs.require();
        String tx = UIDs.createUID();
        // nothing listens at the modality's port yet: the report cannot be delivered and is tried again (on a
        // new association only: on a fast machine the report could reach the request's association before
        // the modality's release does)
        Dcmjs.Committed asked;
        try (Management m = new Management()) {
            m.systemProperty("beacon.commitment.same-association-seconds", "0");
            asked = Dcmjs.commit("SCMODALITY", Beacon.dicomPort(), 0, 0, 1_500, tx,
                    refs(UID.CTImageStorage, uids.subList(1, 2)));
        } finally {
            try (Management m = new Management()) {
                m.systemProperty("beacon.commitment.same-association-seconds", "60");
            }
        }
        assertEquals(0, asked.actionStatus());
        assertEquals(null, asked.report(), "no report without a listener: " + asked.output());
        Dcmjs.Committed later = Dcmjs.commit("SCMODALITY", Beacon.dicomPort(), modalityPort, 0, 40_000, "-",
                List.of());
        assertNotNull(later.report(), later.output());
        assertEquals(tx, later.report().getString("transactionUid"));
        assertEquals("new", later.report().getString("how"));
        assertEquals(1, later.report().getInt("eventTypeId"));
    }

    @Test
    void theApiShowsATransactionWithItsInstancesAndSendsItsReportAgain() throws Exception {
        Dcmjs.require();
        String tx = UIDs.createUID();
        List<String> refs = new ArrayList<>(refs(UID.CTImageStorage, uids.subList(0, 1)));
        refs.add(UID.CTImageStorage + "/" + UIDs.createUID());
        Dcmjs.Committed c = Dcmjs.commit("SCMODALITY", Beacon.dicomPort(), modalityPort, 0, 30_000, tx, refs);
        assertNotNull(c.report(), c.output());

        JsonObject t = Beacon.object(Beacon.api("GET", "/commitments/" + tx, null));
        assertEquals("REPORTED", t.getString("state"));
        assertEquals("NEW_ASSOCIATION", t.getString("delivery"));
        assertEquals("SCMODALITY", t.getString("requestingAe"));
        assertEquals(2, t.getInt("instances"));
        assertEquals(1, t.getInt("committed"));
        assertEquals(1, t.getInt("failed"));
        assertEquals("COMMITTED", t.getJsonArray("items").getJsonObject(0).getString("result"));
        assertEquals(0x0112, t.getJsonArray("items").getJsonObject(1).getInt("failureReason"));
        assertTrue(Beacon.array(Beacon.api("GET", "/commitments", null)).stream()
                .anyMatch(v -> tx.equals(v.asJsonObject().getString("transactionUid"))));
        assertEquals(404, Beacon.api("GET", "/commitments/1.2.3.404", null).statusCode());

        assertEquals(202, Beacon.api("POST", "/commitments/" + tx + "/report", null).statusCode());
        Dcmjs.Committed again = Dcmjs.commit("SCMODALITY", Beacon.dicomPort(), modalityPort, 0, 30_000, "-",
                List.of());
        assertNotNull(again.report(), again.output());
        assertEquals(tx, again.report().getString("transactionUid"));
        assertEquals(2, again.report().getInt("eventTypeId"));
    }

    @Test
    void aDuplicateTransactionUidFailsEveryInstanceOfTheSecondRequest() throws Exception {
        Dcmjs.require();
        String tx = UIDs.createUID();
        List<String> one = refs(UID.CTImageStorage, uids.subList(0, 1));
        assertEquals(1, Dcmjs.commit("SCMODALITY", Beacon.dicomPort(), 0, 15_000, 20_000, tx, one).report()
                .getInt("eventTypeId"));
        Dcmjs.Committed again = Dcmjs.commit("SCMODALITY", Beacon.dicomPort(), 0, 15_000, 20_000, tx, one);
        assertEquals(0, again.actionStatus());
        assertEquals(2, again.report().getInt("eventTypeId"), again.output());
        assertEquals(0x0131, again.report().getJsonArray("failed").getJsonObject(0).getInt("reason"));
    }

    @Test
    void anAeThatIsNotConfiguredOrMayNotCommitIsRefused() throws Exception {
        Dcmjs.require();
        List<String> one = refs(UID.CTImageStorage, uids.subList(0, 1));
        assertEquals(0x0124, Dcmjs.commit("SCUNKNOWN", Beacon.dicomPort(), 0, 0, 3_000, UIDs.createUID(), one)
                .actionStatus());
        assertEquals(201, Beacon.api("POST", "/aes", Json.createObjectBuilder().add("aeTitle", "SCNOTALLOWED")
                .add("host", "127.0.0.1").add("port", 1).add("mayCommit", false).build().toString()).statusCode());
        try {
            assertEquals(0x0124, Dcmjs.commit("SCNOTALLOWED", Beacon.dicomPort(), 0, 0, 3_000, UIDs.createUID(), one)
                    .actionStatus());
        } finally {
            Beacon.api("DELETE", "/aes/SCNOTALLOWED", null);
        }
    }
}
