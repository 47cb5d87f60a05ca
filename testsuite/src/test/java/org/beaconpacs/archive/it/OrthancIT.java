package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.archive.it.testing.Orthanc;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.scu.Response;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orthanc, configured through its REST API, as another archive would use this one: it queries the archive
 * (C-FIND) and pulls a study into itself (C-MOVE with itself as the destination); and the archive moves a
 * series into Orthanc as a configured destination.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrthancIT {

    @Test
    void orthancQueriesTheArchiveAndPullsAStudyIntoItself(@TempDir Path dir) throws Exception {
        String patient = "O" + (System.nanoTime() % 1_000_000);
        String study = UIDs.createUID();
        Set<String> stored = storeSeries(patient, study, UIDs.createUID(), 3);
        try (Orthanc orthanc = new Orthanc(dir, "ORTHANCQR")) {
            destination(orthanc);
            try {
                JsonObject query = (JsonObject) Orthanc.json(orthanc.post("/modalities/beacon/query",
                        Json.createObjectBuilder().add("Level", "Study").add("Query", Json.createObjectBuilder()
                                .add("PatientID", patient).add("StudyInstanceUID", "").add("PatientName", ""))
                                .build().toString()));
                String id = query.getString("ID");
                JsonArray answers = (JsonArray) Orthanc.json(orthanc.get("/queries/" + id + "/answers"));
                assertEquals(1, answers.size(), answers.toString());
                JsonObject content = (JsonObject) Orthanc.json(orthanc.get("/queries/" + id
                        + "/answers/0/content?simplify"));
                assertEquals(study, content.getString("StudyInstanceUID"));
                assertEquals("Orthanc^Interop", content.getString("PatientName"));

                var retrieve = orthanc.post("/queries/" + id + "/answers/0/retrieve", Json.createObjectBuilder()
                        .add("TargetAet", orthanc.aeTitle).add("Synchronous", true).build().toString());
                assertEquals(200, retrieve.statusCode(), retrieve.body());
                assertEquals(stored, orthancInstances(orthanc));
            } finally {
                Beacon.api("DELETE", "/aes/" + orthanc.aeTitle, null);
            }
        } finally {
            Beacon.api("DELETE", "/studies/" + study, null);
        }
    }

    @Test
    void theArchiveMovesASeriesIntoOrthanc(@TempDir Path dir) throws Exception {
        String patient = "O" + (System.nanoTime() % 1_000_000);
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        Set<String> stored = storeSeries(patient, study, series, 4);
        try (Orthanc orthanc = new Orthanc(dir, "ORTHANCDEST")) {
            destination(orthanc);
            try {
                Attributes keys = new Attributes();
                keys.setString(Tag.QueryRetrieveLevel, VR.CS, "SERIES");
                keys.setString(Tag.StudyInstanceUID, VR.UI, study);
                keys.setString(Tag.SeriesInstanceUID, VR.UI, series);
                AAssociateRQ rq = DicomClient.request("RETRIEVESCU", Beacon.AE_TITLE);
                rq.addPresentationContext(PresentationContext.rq(1, UID.StudyRootQueryRetrieveInformationModelMove,
                        UID.ExplicitVRLittleEndian));
                try (DicomClient c = DicomClient.connect(Beacon.HOST, Beacon.dicomPort(), rq, Timeouts.DEFAULT)) {
                    Response rsp = c.move(UID.StudyRootQueryRetrieveInformationModelMove, keys, orthanc.aeTitle);
                    assertEquals(Status.SUCCESS, rsp.status(), String.valueOf(rsp.command().errorComment()));
                    assertEquals(4, rsp.command().completedSubOperations());
                    c.release();
                }
                assertEquals(stored, orthancInstances(orthanc));
            } finally {
                Beacon.api("DELETE", "/aes/" + orthanc.aeTitle, null);
            }
        } finally {
            Beacon.api("DELETE", "/studies/" + study, null);
        }
    }

    @Test
    void anAdministratorQueriesOrthancPullsAStudyFromItAndExportsOneToIt(@TempDir Path dir) throws Exception {
        String patient = "O" + (System.nanoTime() % 1_000_000);
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        Set<String> stored = storeSeries(patient, study, series, 2);
        try (Orthanc orthanc = new Orthanc(dir, "ORTHANCREST")) {
            destination(orthanc);
            try {
                // export: the archive's study into Orthanc
                JsonObject exported = Beacon.object(Beacon.api("POST", "/studies/" + study + "/export?to="
                        + orthanc.aeTitle, ""));
                assertEquals(2, exported.getInt("completed"), exported.toString());
                assertEquals(0, exported.getInt("status"));
                assertEquals(stored, orthancInstances(orthanc));
                // the archive forgets it; a query to Orthanc finds it there
                assertEquals(204, Beacon.api("DELETE", "/studies/" + study, null).statusCode());
                var found = Beacon.api("POST", "/aes/" + orthanc.aeTitle + "/find", Json.createObjectBuilder()
                        .add("level", "STUDY").add("keys", Json.createObjectBuilder().add("PatientID", patient))
                        .build().toString());
                assertEquals(200, found.statusCode(), found.body());
                JsonArray matches = Beacon.array(found);
                assertEquals(1, matches.size(), found.body());
                assertEquals(study, matches.getJsonObject(0).getJsonObject("0020000D").getJsonArray("Value")
                        .getString(0));
                // pull: Orthanc sends it back into the archive with a C-MOVE to the archive's AE title
                JsonObject pulled = Beacon.object(Beacon.api("POST", "/aes/" + orthanc.aeTitle + "/move",
                        Json.createObjectBuilder().add("studyInstanceUID", study).build().toString()));
                assertEquals(2, pulled.getInt("completed"), pulled.toString());
                assertEquals(2, Beacon.object(Beacon.api("GET", "/studies/" + study, null)).getInt("numberOfInstances"));
                // an AE that is not there: 502 with the reason
                Beacon.createRemoteAe("NOBODY", "127.0.0.1", 1);
                try {
                    var refused = Beacon.api("POST", "/aes/NOBODY/find", "{}");
                    assertEquals(502, refused.statusCode(), refused.body());
                    assertTrue(refused.body().contains("NOBODY"), refused.body());
                } finally {
                    Beacon.api("DELETE", "/aes/NOBODY", null);
                }
            } finally {
                Beacon.api("DELETE", "/aes/" + orthanc.aeTitle, null);
            }
        } finally {
            Beacon.api("DELETE", "/studies/" + study, null);
        }
    }

    /**
     * Orthanc as the Storage Commitment SCU through its REST API: it asks the archive and expects the
     * report on a new association (it never keeps its request's association open for one).
     */
    @Test
    void orthancAsksTheArchiveForStorageCommitmentAndHearsTheReportOnANewAssociation(@TempDir Path dir)
            throws Exception {
        String patient = "O" + (System.nanoTime() % 1_000_000);
        String study = UIDs.createUID();
        Set<String> stored = storeSeries(patient, study, UIDs.createUID(), 2);
        try (Orthanc orthanc = new Orthanc(dir, "ORTHANCSC");
             org.beaconpacs.archive.it.testing.Management m = new org.beaconpacs.archive.it.testing.Management()) {
            destination(orthanc); // configured (mayCommit by default) with its host and port: where reports go
            m.systemProperty("beacon.commitment.wait-seconds", "2");
            try {
                var committed = Json.createArrayBuilder();
                stored.forEach(uid -> committed.add(Json.createObjectBuilder().add("SOPClassUID", UID.CTImageStorage)
                        .add("SOPInstanceUID", uid)));
                assertEquals("Success", orthancCommitment(orthanc, committed.build()));

                var mixed = Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("SOPClassUID", UID.CTImageStorage).add("SOPInstanceUID", stored.iterator().next()))
                        .add(Json.createObjectBuilder().add("SOPClassUID", UID.CTImageStorage)
                                .add("SOPInstanceUID", UIDs.createUID())); // never stored
                assertEquals("Failure", orthancCommitment(orthanc, mixed.build()));
            } finally {
                m.systemProperty("beacon.commitment.wait-seconds", "600");
                Beacon.api("DELETE", "/aes/" + orthanc.aeTitle, null);
            }
        } finally {
            Beacon.api("DELETE", "/studies/" + study, null);
        }
    }

    /**
     * The archive as Storage Commitment SCU, Orthanc the SCP (a long-term archive): asked for a study it does
     * not have, Orthanc reports every instance failed (no such object instance); after the export, all
     * committed. Orthanc reports on a new association, taking the SCP role by role selection, which the
     * activity trace shows with its N-EVENT-REPORT. An AE that is not there: 502, the transaction recorded.
     */
    @Test
    void theArchiveAsksOrthancForStorageCommitmentOfAStudyAndRecordsItsReport(@TempDir Path dir) throws Exception {
        String patient = "O" + (System.nanoTime() % 1_000_000);
        String study = UIDs.createUID();
        Set<String> stored = storeSeries(patient, study, UIDs.createUID(), 2);
        String commit = Json.createObjectBuilder().add("studyInstanceUID", study).build().toString();
        try (Orthanc orthanc = new Orthanc(dir, "ORTHANCLTA")) {
            destination(orthanc);
            try {
                var before = Beacon.api("POST", "/aes/" + orthanc.aeTitle + "/commit?wait=60", commit);
                assertEquals(200, before.statusCode(), before.body());
                JsonObject missing = Beacon.object(before);
                assertEquals("SCU", missing.getString("role"));
                assertEquals("REPORTED", missing.getString("state"), missing.toString());
                assertEquals("NEW_ASSOCIATION", missing.getString("delivery"));
                assertEquals(0, missing.getInt("committed"));
                assertEquals(2, missing.getInt("failed"));
                Set<String> failed = new TreeSet<>();
                for (var item : missing.getJsonArray("items")) {
                    assertEquals("FAILED", item.asJsonObject().getString("result"));
                    assertEquals(0x0112, item.asJsonObject().getInt("failureReason"), item.toString());
                    failed.add(item.asJsonObject().getString("sopInstanceUid"));
                }
                assertEquals(stored, failed);
                assertReportInTheActivity(orthanc.aeTitle);

                assertEquals(0, Beacon.object(Beacon.api("POST", "/studies/" + study + "/export?to="
                        + orthanc.aeTitle, "")).getInt("status"));
                JsonObject all = Beacon.object(Beacon.api("POST", "/aes/" + orthanc.aeTitle + "/commit?wait=60",
                        commit));
                assertEquals("REPORTED", all.getString("state"), all.toString());
                assertEquals(2, all.getInt("committed"));
                assertEquals(0, all.getInt("failed"));
                assertEquals(Beacon.AE_TITLE, all.getString("requestingAe"));
                assertEquals(orthanc.aeTitle, all.getString("calledAe"));
                JsonObject listed = Beacon.object(Beacon.api("GET", "/commitments/" + all.getString("transactionUid"),
                        null));
                assertEquals("REPORTED", listed.getString("state"));
                assertEquals(2, listed.getJsonArray("items").size());
                var again = Beacon.api("POST", "/commitments/" + all.getString("transactionUid") + "/report", "");
                assertEquals(409, again.statusCode(), "the report of a request of the archive is not its to send");

                Beacon.createRemoteAe("NOBODYLTA", "127.0.0.1", 1);
                try {
                    var refused = Beacon.api("POST", "/aes/NOBODYLTA/commit", commit);
                    assertEquals(502, refused.statusCode(), refused.body());
                    assertTrue(refused.body().contains("NOBODYLTA"), refused.body());
                    JsonObject latest = Beacon.array(Beacon.api("GET", "/commitments?max=1", null)).getJsonObject(0);
                    assertEquals("NOBODYLTA", latest.getString("calledAe"));
                    assertEquals("NOT_REPORTED", latest.getString("state"), latest.toString());
                } finally {
                    Beacon.api("DELETE", "/aes/NOBODYLTA", null);
                }
                var noStudy = Beacon.api("POST", "/aes/" + orthanc.aeTitle + "/commit",
                        "{\"studyInstanceUID\":\"1.2.3.4.404\"}");
                assertEquals(404, noStudy.statusCode(), noStudy.body());
            } finally {
                Beacon.api("DELETE", "/aes/" + orthanc.aeTitle, null);
            }
        } finally {
            Beacon.api("DELETE", "/studies/" + study, null);
        }
    }

    /** The association Orthanc opened for its report: SCP role accepted by role selection, the N-EVENT-REPORT. */
    private static void assertReportInTheActivity(String orthancAe) throws Exception {
        for (var v : Beacon.array(Beacon.api("GET", "/activity?max=20", null))) {
            JsonObject a = v.asJsonObject();
            if (orthancAe.equals(a.getString("callingAe", null))) {
                assertTrue(a.getJsonObject("requests").containsKey("N-EVENT-REPORT-RQ"), a.toString());
                assertTrue(a.getString("roles", "").contains("accepted SCU=false SCP=true"), a.toString());
                return;
            }
        }
        throw new AssertionError("no association of " + orthancAe + " in the activity");
    }

    /** Orthanc's storage commitment request to the archive and its outcome once the report is in. */
    private static String orthancCommitment(Orthanc orthanc, JsonArray instances) throws Exception {
        JsonObject asked = (JsonObject) Orthanc.json(orthanc.post("/modalities/beacon/storage-commitment",
                Json.createObjectBuilder().add("DicomInstances", instances).build().toString()));
        String status = "Pending";
        for (int i = 0; i < 300 && "Pending".equals(status); i++) {
            Thread.sleep(100);
            status = ((JsonObject) Orthanc.json(orthanc.get("/storage-commitment/" + asked.getString("ID"))))
                    .getString("Status");
        }
        return status;
    }

    private static Set<String> storeSeries(String patient, String study, String series, int n) throws Exception {
        try (DicomClient c = CtStore.client("ORTHANCIT")) {
            CtStore.storeSeries(c, patient, "Orthanc^Interop", study, series, 1, n);
            c.release();
        }
        Set<String> uids = new TreeSet<>();
        for (var i : Beacon.array(Beacon.api("GET", "/series/" + series + "/instances", null))) {
            uids.add(i.asJsonObject().getString("sopInstanceUid"));
        }
        assertEquals(n, uids.size());
        return uids;
    }

    /** Orthanc as a configured move destination of the archive. */
    private static void destination(Orthanc orthanc) throws Exception {
        assertEquals(201, Beacon.api("POST", "/aes", Json.createObjectBuilder().add("aeTitle", orthanc.aeTitle)
                .add("host", "127.0.0.1").add("port", orthanc.dicomPort).add("moveDestination", true).build()
                .toString()).statusCode());
    }

    private static Set<String> orthancInstances(Orthanc orthanc) throws Exception {
        Set<String> uids = new TreeSet<>();
        for (var id : (JsonArray) Orthanc.json(orthanc.get("/instances"))) {
            JsonObject tags = (JsonObject) Orthanc.json(orthanc.get("/instances/"
                    + ((jakarta.json.JsonString) id).getString() + "/simplified-tags"));
            uids.add(tags.getString("SOPInstanceUID"));
        }
        assertTrue(!uids.isEmpty(), "Orthanc received nothing");
        return uids;
    }
}
