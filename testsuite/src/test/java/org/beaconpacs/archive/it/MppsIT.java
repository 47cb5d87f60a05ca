package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.archive.it.testing.Dcmjs;
import org.beaconpacs.archive.it.testing.Mllp;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled workflow round trip (IHE SWF RAD-1, RAD-4, RAD-5, RAD-6, RAD-8, RAD-7): the RIS's HL7 order
 * (mllp_send), the modality's worklist query (DCMTK findscu), its MPPS IN PROGRESS (dcmjs-dimse), the images,
 * MPPS COMPLETED; the study has the order's Accession Number and the step is COMPLETED. And the requests an
 * MPPS SCP must refuse, each with its status, nothing half-written.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MppsIT {

    @TempDir
    Path dir;

    /** An MPPS data set in dcmjs' naturalized form. */
    private static String mpps(String status, String study, String stepId, String accession) {
        var ssa = Json.createObjectBuilder().add("StudyInstanceUID", study).add("AccessionNumber", accession)
                .add("ScheduledProcedureStepID", stepId).add("RequestedProcedureID", "RP-" + stepId);
        return Json.createObjectBuilder().add("ScheduledStepAttributesSequence", Json.createArrayBuilder().add(ssa))
                .add("PatientName", "Workflow^Wendy").add("PatientID", "WF1")
                .add("PerformedProcedureStepID", "PPS-" + stepId).add("PerformedStationAETitle", "WFCT")
                .add("PerformedProcedureStepStartDate", "20261202").add("PerformedProcedureStepStartTime", "093500")
                .add("PerformedProcedureStepStatus", status).add("Modality", "CT")
                .add("PerformedProcedureStepDescription", "CT chest").build().toString();
    }

    private String file(String name, String json) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, json);
        return f.toString();
    }

    /** The Procedure Step State of the workitem UPS-RS shows for the order of {@code study}. */
    private static String workitemState(String study) throws Exception {
        HttpResponse<String> rsp = DicomWebIT.get("/workitems?StudyInstanceUID=" + study);
        JsonArray found = DicomWebIT.json(rsp);
        assertEquals(1, found.size(), rsp.body());
        return DicomWebIT.value(found.getJsonObject(0), "00741000");
    }

    private List<String> mppsScu(String uid, String... steps) throws Exception {
        return Dcmjs.mpps("WFCT", uid, steps);
    }

    private static JsonObject step(String station) throws Exception {
        JsonArray steps = Beacon.array(Beacon.api("GET", "/worklist?station=" + station, null));
        assertEquals(1, steps.size(), steps.toString());
        return steps.getJsonObject(0);
    }

    @Test
    void anOrderIsQueriedPerformedStoredAndCompleted() throws Exception {
        Dcmtk.require("findscu");
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        String station = "WFCT" + System.nanoTime() % 1000;
        // RAD-1, RAD-4: the RIS registers the patient and orders the exam over HL7 (python3-hl7's mllp_send)
        Mllp.require();
        assertTrue(Mllp.send(dir.resolve("adt.hl7"), Mllp.msh("ADT^A04", "2.5", "WA" + station), "EVN|A04|20261202",
                "PID|||WF1^^^HOSP||Workflow^Wendy||19770707|F").startsWith("AA"));
        String ordered = Mllp.send(dir.resolve("omi.hl7"), Mllp.msh("OMI^O23^OMI_O23", "2.5", "WO" + station),
                "PID|||WF1^^^HOSP||Workflow^Wendy||19770707|F", "ORC|NW|PLC-WF1", "TQ1|||||||20261202093000",
                "OBR|1|PLC-WF1||CTCHEST^CT chest^L",
                "IPC|ACC-WF1|RP-SPS-WF1|" + study + "|SPS-WF1|CT||CT 1|Room 1|" + station);
        assertTrue(ordered.startsWith("AA"), ordered);
        long item = step(station).getJsonNumber("itemId").longValue();
        try {
            // RAD-5: the modality's worklist query by its AE title and today's date
            Dcmtk.Result wl = Dcmtk.run("findscu", "-W", "-aet", station, "-aec", Beacon.AE_TITLE, Beacon.HOST,
                    String.valueOf(Beacon.dicomPort()), "-k", "PatientName", "-k", "AccessionNumber",
                    "-k", "StudyInstanceUID", "-k", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle="
                            + station, "-k", "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=20261202",
                    "-k", "ScheduledProcedureStepSequence[0].ScheduledProcedureStepID");
            assertEquals(0, wl.exitCode(), wl.output());
            assertTrue(wl.output().contains("ACC-WF1") && wl.output().contains(study) && wl.output().contains("SPS-WF1"),
                    wl.output());

            // RAD-6: MPPS IN PROGRESS; the scheduled step is STARTED
            String uid = UIDs.createUID();
            assertEquals(List.of("NCREATE 0x0000"), mppsScu(uid, "create:" + file("create.json",
                    mpps("IN PROGRESS", study, "SPS-WF1", "ACC-WF1"))));
            assertEquals("STARTED", step(station).getString("status"));
            assertEquals("IN PROGRESS", workitemState(study), "UPS-RS shows the step's workitem started");

            // RAD-8: the images, with what the worklist gave
            try (DicomClient c = CtStore.client("WFCT")) {
                for (int i = 1; i <= 2; i++) {
                    Attributes ds = Synthetic.ct("WF1", "Workflow^Wendy", study, series, i, 2048);
                    ds.setString(Tag.AccessionNumber, VR.SH, "ACC-WF1");
                    assertEquals(0, CtStore.store(c, ds.getString(Tag.SOPInstanceUID), Synthetic.encode(ds)).status());
                }
                c.release();
            }

            // RAD-7: COMPLETED with the series performed; the step is COMPLETED and off the worklist
            String complete = Json.createObjectBuilder().add("PerformedProcedureStepStatus", "COMPLETED")
                    .add("PerformedProcedureStepEndDate", "20261202").add("PerformedProcedureStepEndTime", "094500")
                    .add("PerformedSeriesSequence", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("SeriesInstanceUID", series).add("PerformingPhysicianName", "")
                            .add("ProtocolName", "chest").add("OperatorsName", "")
                            .add("SeriesDescription", "").add("RetrieveAETitle", "")
                            .add("ReferencedImageSequence", Json.createArrayBuilder())))
                    .build().toString();
            List<String> set = mppsScu(uid, "set:" + file("complete.json", complete),
                    "set:" + file("again.json", "{\"PerformedProcedureStepDescription\":\"changed\"}"));
            assertEquals("NSET 0x0000", set.get(0));
            assertTrue(set.get(1).startsWith("NSET 0x0110") && set.get(1).contains("may no longer be updated"),
                    "a completed MPPS is read-only: " + set);
            assertEquals("COMPLETED", step(station).getString("status"));
            assertEquals("COMPLETED", workitemState(study));
            Dcmtk.Result after = Dcmtk.run("findscu", "-W", "-aet", station, "-aec", Beacon.AE_TITLE, Beacon.HOST,
                    String.valueOf(Beacon.dicomPort()), "-k", "AccessionNumber",
                    "-k", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=" + station);
            assertTrue(!after.output().contains("ACC-WF1"), "a completed step leaves the worklist: " + after.output());

            JsonArray performed = Beacon.array(Beacon.api("GET", "/studies/" + study + "/mpps", null));
            assertEquals(1, performed.size(), performed.toString());
            JsonObject m = performed.getJsonObject(0);
            assertEquals("COMPLETED", m.getString("status"));
            assertEquals(1, m.getInt("performedSeries"));
            assertEquals(1, m.getInt("seriesArrived"), "the series performed arrived");
            assertEquals("ACC-WF1", Beacon.object(Beacon.api("GET", "/studies/" + study, null))
                    .getString("accessionNumber"));
        } finally {
            Beacon.api("DELETE", "/worklist/" + item, null);
            Beacon.api("DELETE", "/studies/" + study, null);
        }
    }

    @Test
    void requestsOutOfTurnOrIncompleteAreRefusedWithTheirStatus() throws Exception {
        String study = UIDs.createUID();
        String uid = UIDs.createUID();
        String ok = file("ok.json", mpps("IN PROGRESS", study, "SPS-X", "ACC-X"));
        JsonObject noModality = Json.createObjectBuilder(jsonOf(mpps("IN PROGRESS", study, "SPS-X", "ACC-X")))
                .remove("Modality").build();
        JsonObject emptyStation = Json.createObjectBuilder(jsonOf(mpps("IN PROGRESS", study, "SPS-X", "ACC-X")))
                .add("PerformedStationAETitle", "").build();
        List<String> r = mppsScu(uid, "set:" + ok, // no such instance yet
                "create:" + file("completed.json", mpps("COMPLETED", study, "SPS-X", "ACC-X")),
                "create:" + file("nomodality.json", noModality.toString()),
                "create:" + file("emptystation.json", emptyStation.toString()),
                "create:" + ok, "create:" + ok,
                "set:" + file("noend.json", "{\"PerformedProcedureStepStatus\":\"COMPLETED\"}"),
                "set:" + file("bogus.json", "{\"PerformedProcedureStepStatus\":\"FINISHED\"}"),
                "set:" + file("discontinue.json", "{\"PerformedProcedureStepStatus\":\"DISCONTINUED\","
                        + "\"PerformedProcedureStepEndDate\":\"20261202\",\"PerformedProcedureStepEndTime\":\"1000\"}"));
        assertEquals(9, r.size(), r.toString());
        assertTrue(r.get(0).startsWith("NSET 0x0112"), r.get(0));
        assertTrue(r.get(1).startsWith("NCREATE 0x0106"), r.get(1));
        assertTrue(r.get(2).startsWith("NCREATE 0x0120") && r.get(2).contains("Modality"), r.get(2));
        assertTrue(r.get(3).startsWith("NCREATE 0x0121") && r.get(3).contains("PerformedStationAETitle"), r.get(3));
        assertTrue(r.get(4).startsWith("NCREATE 0x0000"), r.get(4));
        assertTrue(r.get(5).startsWith("NCREATE 0x0111"), r.get(5));
        assertTrue(r.get(6).startsWith("NSET 0x0110") && r.get(6).contains("PerformedProcedureStepEndDate"), r.get(6));
        assertTrue(r.get(7).startsWith("NSET 0x0106"), r.get(7));
        assertTrue(r.get(8).startsWith("NSET 0x0000"), r.get(8));
        JsonArray performed = Beacon.array(Beacon.api("GET", "/studies/" + study + "/mpps", null));
        assertEquals(1, performed.size(), "refused requests wrote nothing: " + performed);
        assertEquals("DISCONTINUED", performed.getJsonObject(0).getString("status"));
    }

    private static JsonObject jsonOf(String s) {
        try (var reader = Json.createReader(new java.io.StringReader(s))) {
            return reader.readObject();
        }
    }
}
