package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.archive.it.testing.Management;
import org.beaconpacs.archive.it.testing.Mllp;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * HL7 v2 over MLLP from a sender that is not ours, Debian's python3-hl7 ({@code mllp_send}): patient
 * registration (ADT^A04), orders in both versions (ORM^O01 2.3.1, OMI^O23 2.5) scheduled, changed and
 * cancelled, demographics updated (ADT^A08) and patients merged (ADT^A40) on the worklist and the index;
 * and what must be refused: an order for an unknown patient, a change of an unknown order, a message type
 * the archive does not handle, a message that is not HL7. Every message in the HL7 log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Hl7IT {

    @TempDir
    Path dir;
    private int n;

    private static void require() {
        Mllp.require();
    }

    private String send(String... segments) throws Exception {
        return Mllp.send(dir.resolve("m" + (++n) + ".hl7"), segments);
    }

    private static String msh(String type, String version, String control) {
        return Mllp.msh(type, version, control);
    }

    /** An OBR segment of an order: procedure code, accession, requested procedure, step, modality, start. */
    static String obr(String code, String accession, String rpId, String spsId, String modality,
                      String start) {
        String[] f = new String[28];
        java.util.Arrays.fill(f, "");
        f[0] = "OBR";
        f[1] = "1";
        f[4] = code;
        f[18] = accession;
        f[19] = rpId;
        f[20] = spsId;
        f[24] = modality;
        f[27] = "^^^" + start;
        return String.join("|", f);
    }

    private static JsonObject step(String accession) throws Exception {
        for (var v : Beacon.array(Beacon.api("GET", "/worklist?max=5000&from=20000101", null))) {
            if (accession.equals(v.asJsonObject().getString("accessionNumber", null))) {
                return v.asJsonObject();
            }
        }
        return null;
    }

    @Test
    void aRisRegistersOrdersChangesCancelsUpdatesAndMerges() throws Exception {
        require();
        String pid = "H" + System.nanoTime() % 1_000_000;
        String acc = "A" + pid;
        String acc2 = "B" + pid;
        try (Management m = new Management()) {
            m.systemProperty("beacon.hl7.stations", "CT=HL7CT1\\HL7CT2");
            // RAD-1: the patient, then RAD-4: the order
            assertEquals("AA", send(msh("ADT^A04", "2.3.1", "C1" + pid), "EVN|A04|20261202090000",
                    "PID|||" + pid + "^^^HOSP||Seven^Hepta||19600707|F").split(" ")[0]);
            assertTrue(send(msh("ORM^O01", "2.3.1", "C2" + pid), "PID|||" + pid + "^^^HOSP||Seven^Hepta||19600707|F",
                    "ORC|NW|PLC" + pid, obr("CTABD^CT abdomen^L", acc, "RP" + pid, "SPS" + pid, "CT",
                            "20261202110000"), "ZDS|1.2.826.0.1.3680043.2." + pid.substring(1) + "^RIS^Application^DICOM")
                    .startsWith("AA"));
            JsonObject s = step(acc);
            assertEquals("SCHEDULED", s.getString("status"));
            assertEquals("SPS" + pid, s.getString("stepId"));
            assertEquals("Seven^Hepta", s.getString("patientName"));
            assertEquals("[\"HL7CT1\",\"HL7CT2\"]", s.getJsonArray("stationAeTitles").toString());
            assertEquals("1.2.826.0.1.3680043.2." + pid.substring(1), s.getString("studyInstanceUid"));
            // the modality finds it by its AE title (RAD-5)
            Dcmtk.Result wl = Dcmtk.run("findscu", "-W", "-aet", "HL7CT2", "-aec", Beacon.AE_TITLE, Beacon.HOST,
                    String.valueOf(Beacon.dicomPort()), "-k", "AccessionNumber", "-k", "PatientName",
                    "-k", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=HL7CT2");
            assertTrue(wl.output().contains(acc), wl.output());

            // RAD-13: changed, status changed, then cancelled
            assertEquals("AA", send(msh("ORM^O01", "2.3.1", "C3" + pid), "PID|||" + pid + "^^^HOSP||Seven^Hepta",
                    "ORC|XO|PLC" + pid, obr("CTABD^CT abdomen and pelvis^L", acc, "RP" + pid, "SPS" + pid, "CT",
                            "20261202120000")).split(" ")[0]);
            assertEquals("CT abdomen and pelvis", step(acc).getString("description"));
            assertEquals("120000", step(acc).getString("startTime"));
            assertEquals("AA", send(msh("ORM^O01", "2.3.1", "C4" + pid), "PID|||" + pid + "^^^HOSP||Seven^Hepta",
                    "ORC|SC|PLC" + pid + "|||IP", obr("CTABD^CT abdomen and pelvis^L", acc, "RP" + pid, "SPS" + pid,
                            "CT", "20261202120000")).split(" ")[0]);
            assertEquals("STARTED", step(acc).getString("status"));
            assertEquals("AA", send(msh("ORM^O01", "2.3.1", "C5" + pid), "PID|||" + pid + "^^^HOSP||Seven^Hepta",
                    "ORC|CA|PLC" + pid, obr("CTABD^CT abdomen^L", acc, "", "", "CT", "")).split(" ")[0]);
            assertEquals("DISCONTINUED", step(acc).getString("status"));

            // the 2.5 order, one step per IPC segment
            assertEquals("AA", send(msh("OMI^O23^OMI_O23", "2.5", "C6" + pid), "PID|||" + pid + "^^^HOSP||Seven^Hepta",
                    "ORC|NW|PLD" + pid, "TQ1|||||||20261203080000", "OBR|1|PLD" + pid + "||MRHEAD^MR head^L",
                    "IPC|" + acc2 + "|RQ" + pid + "|1.2.826.0.1.3680043.3." + pid.substring(1) + "|SPT" + pid
                            + "|MR||MR 1|Room 3|HL7MR1").split(" ")[0]);
            assertEquals("HL7MR1", step(acc2).getJsonArray("stationAeTitles").getString(0));
            assertEquals("20261203", step(acc2).getString("startDate"));

            // RAD-12: demographics updated, on the worklist too
            assertEquals("AA", send(msh("ADT^A08", "2.3.1", "C7" + pid), "EVN|A08|20261202090000",
                    "PID|||" + pid + "^^^HOSP||Seven^Heptagon||19600707|F").split(" ")[0]);
            assertEquals("Seven^Heptagon", step(acc2).getString("patientName"));

            // refusals: unknown patient, unknown order, unhandled type, not HL7
            String unknown = send(msh("ORM^O01", "2.3.1", "C8" + pid), "PID|||NOBODY" + pid + "^^^HOSP||No^Body",
                    "ORC|NW|PLX" + pid, obr("X^X^L", "X" + pid, "R", "S", "CT", "20261202"));
            assertTrue(unknown.startsWith("AE") && unknown.contains("unknown patient"), unknown);
            assertEquals(null, step("X" + pid), "nothing of a refused order is written");
            String noOrder = send(msh("ORM^O01", "2.3.1", "C9" + pid), "PID|||" + pid + "^^^HOSP||Seven^Hepta",
                    "ORC|XO|PLY" + pid, obr("X^X^L", "NOSUCH" + pid, "R", "S", "CT", "20261202"));
            assertTrue(noOrder.startsWith("AE") && noOrder.contains("no order"), noOrder);
            String type = send(msh("QRY^A19", "2.3.1", "C10" + pid), "QRD|20261202|R|I|Q1");
            assertTrue(type.startsWith("AR") && type.contains("not handled"), type);
            String junk = send("this is not HL7 at all");
            assertTrue(junk.startsWith("AR"), junk);
        } finally {
            try (Management m = new Management()) {
                m.systemProperty("beacon.hl7.stations", "");
            }
            for (String a : new String[] {acc, acc2}) {
                JsonObject s = step(a);
                if (s != null) {
                    Beacon.api("DELETE", "/worklist/" + s.getJsonNumber("itemId").longValue(), null);
                }
            }
        }
        JsonArray log = Beacon.array(Beacon.api("GET", "/hl7?max=20", null));
        String all = log.toString();
        assertTrue(all.contains("\"controlId\":\"C2" + pid + "\"") && all.contains("\"ackCode\":\"AE\"")
                && all.contains("\"ackCode\":\"AR\""), all);
        try (Management m = new Management()) { // acknowledgements' control IDs leave no file behind
            assertFalse(Files.exists(m.workingDirectory().resolve("id_file")));
        }
    }

    @Test
    void aMergeMovesThePriorPatientsStudiesAndOrders() throws Exception {
        require();
        String prior = "M" + System.nanoTime() % 1_000_000;
        String surviving = "S" + prior;
        String study = UIDs.createUID();
        try (DicomClient c = CtStore.client("HL7MERGE")) {
            CtStore.storeSeries(c, prior, "Prior^Patient", study, UIDs.createUID(), 1, 1);
            c.release();
        }
        try {
            assertEquals("AA", send(msh("ADT^A04", "2.3.1", "R" + prior), "EVN|A04|20261202",
                    "PID|||" + surviving + "||Surviving^Patient||19500101|M").split(" ")[0]);
            String merged = send(msh("ADT^A40^ADT_A39", "2.3.1", "G" + prior), "EVN|A40|20261202",
                    "PID|||" + surviving + "||Surviving^Patient||19500101|M", "MRG|" + prior);
            assertTrue(merged.startsWith("AA"), merged);
            JsonObject s = Beacon.object(Beacon.api("GET", "/studies/" + study, null));
            assertEquals(surviving, s.getString("patientId"), s.toString());
            assertEquals("Surviving^Patient", s.getString("patientName"));
            String again = send(msh("ADT^A40^ADT_A39", "2.3.1", "H" + prior), "EVN|A40|20261202",
                    "PID|||" + surviving + "||Surviving^Patient", "MRG|" + prior);
            assertTrue(again.startsWith("AE") && again.contains("unknown prior patient"), again);
            assertFalse(Beacon.array(Beacon.api("GET", "/hl7?max=5", null)).isEmpty());
        } finally {
            Beacon.api("DELETE", "/studies/" + study, null);
        }
    }
}
