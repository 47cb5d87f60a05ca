package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * UPS-RS over HTTP and its events over a WebSocket: a workitem created, found, updated, started with a
 * Transaction UID, refused each wrong step with its PS3.4 CC status, completed; a subscriber told of each
 * state and of a cancellation request; a global subscriber told of new workitems.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UpsIT {

    private static final String ROOT = DicomWebIT.ROOT;
    private static final String GLOBAL = "1.2.840.10008.5.1.4.34.5";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aWorkitemGoesFromScheduledThroughInProgressToCompletedUnderTheTransactionUidRules() throws Exception {
        String patient = "UPS" + System.nanoTime() % 100000;
        String watcher = "WATCH" + System.nanoTime() % 100000;
        Events events = new Events(watcher);
        try {
            String uid = UIDs.createUID();
            HttpResponse<String> created = send("POST", "/workitems?workitem=" + uid, workitem(patient, "CT head"));
            assertEquals(201, created.statusCode(), created.body());
            assertEquals(ROOT + "/workitems/" + uid, created.headers().firstValue("Location").orElse(""));
            assertEquals(409, send("POST", "/workitems?workitem=" + uid, workitem(patient, "again")).statusCode(),
                    "the same UID twice");
            assertEquals(400, send("POST", "/workitems", "{\"00741000\":{\"vr\":\"CS\",\"Value\":[\"IN PROGRESS\"]}}")
                    .statusCode(), "created other than SCHEDULED: 0xC309");

            assertEquals(201, send("POST", "/workitems/" + uid + "/subscribers/" + watcher, null).statusCode());
            JsonObject initial = events.next();
            assertEquals(uid, value(initial, "00001000"));
            assertEquals("1", value(initial, "00001002"), "a UPS State Report");
            assertEquals("SCHEDULED", value(initial, "00741000"));

            JsonObject got = array(send("GET", "/workitems/" + uid, null)).getJsonObject(0);
            assertEquals("SCHEDULED", value(got, "00741000"));
            assertEquals("MEDIUM", value(got, "00741200"), "the default priority");
            assertEquals(1, array(send("GET", "/workitems?PatientID=" + patient + "&ProcedureStepState=SCHEDULED"
                    + "&ProcedureStepLabel=CT*", null)).size());
            assertEquals(204, send("GET", "/workitems?PatientID=" + patient + "&ProcedureStepState=COMPLETED", null)
                    .statusCode());

            assertEquals(200, send("POST", "/workitems/" + uid, label("CT head and neck")).statusCode());
            assertEquals("CT head and neck", value(array(send("GET", "/workitems/" + uid, null)).getJsonObject(0),
                    "00741204"));

            refused(send("PUT", "/workitems/" + uid + "/state", state("COMPLETED", null)), 0xC310);
            refused(send("PUT", "/workitems/" + uid + "/state", state("IN PROGRESS", null)), 0xC301);
            String tx = UIDs.createUID();
            assertEquals(200, send("PUT", "/workitems/" + uid + "/state", state("IN PROGRESS", tx)).statusCode());
            assertEquals("IN PROGRESS", value(events.next(), "00741000"));
            refused(send("PUT", "/workitems/" + uid + "/state", state("IN PROGRESS", UIDs.createUID())), 0xC302);
            assertFalse(array(send("GET", "/workitems/" + uid, null)).getJsonObject(0).containsKey("00081195"),
                    "the Transaction UID is the performer's secret");
            refused(send("POST", "/workitems/" + uid, label("no transaction")), 0xC301);
            assertEquals(200, send("POST", "/workitems/" + uid + "?transaction-uid=" + tx, label("performing"))
                    .statusCode());
            refused(send("PUT", "/workitems/" + uid + "/state", state("COMPLETED", UIDs.createUID())), 0xC301);
            assertEquals(200, send("PUT", "/workitems/" + uid + "/state", state("COMPLETED", tx)).statusCode());
            assertEquals("COMPLETED", value(events.next(), "00741000"));
            HttpResponse<String> again = send("PUT", "/workitems/" + uid + "/state", state("COMPLETED", tx));
            assertEquals(200, again.statusCode());
            assertTrue(again.headers().firstValue("Warning").orElse("").contains("0xB306"), again.headers().toString());
            refused(send("POST", "/workitems/" + uid + "?transaction-uid=" + tx, label("late")), 0xC300);
            refused(send("POST", "/workitems/" + uid + "/cancelrequest", null), 0xC311);
            assertEquals(404, send("GET", "/workitems/" + UIDs.createUID(), null).statusCode());
        } finally {
            events.close();
        }
    }

    @Test
    void cancellationIsDoneAtOnceForAScheduledWorkitemAndAskedOfThePerformerOfOneInProgress() throws Exception {
        String patient = "UPSC" + System.nanoTime() % 100000;
        String performer = "PERF" + System.nanoTime() % 100000;
        Events events = new Events(performer);
        try {
            assertEquals(201, send("POST", "/workitems/" + GLOBAL + "/subscribers/" + performer, null).statusCode());
            String scheduled = UIDs.createUID();
            assertEquals(201, send("POST", "/workitems?workitem=" + scheduled, workitem(patient, "MR knee"))
                    .statusCode());
            JsonObject created = events.next();
            assertEquals(scheduled, value(created, "00001000"), "a global subscriber hears of a new workitem");
            assertEquals("SCHEDULED", value(created, "00741000"));
            assertEquals(202, send("POST", "/workitems/" + scheduled + "/cancelrequest", null).statusCode());
            assertEquals("CANCELED", value(events.next(), "00741000"));
            assertEquals("CANCELED", value(array(send("GET", "/workitems/" + scheduled, null)).getJsonObject(0),
                    "00741000"));

            String running = UIDs.createUID();
            assertEquals(201, send("POST", "/workitems?workitem=" + running, workitem(patient, "MR hip")).statusCode());
            events.next();
            assertEquals(200, send("PUT", "/workitems/" + running + "/state", state("IN PROGRESS", UIDs.createUID()))
                    .statusCode());
            events.next();
            assertEquals(202, send("POST", "/workitems/" + running + "/cancelrequest",
                    "{\"00741238\":{\"vr\":\"LT\",\"Value\":[\"patient left\"]}}").statusCode());
            JsonObject asked = events.next();
            assertEquals("2", value(asked, "00001002"), "UPS Cancel Requested");
            assertEquals("patient left", value(asked, "00741238"));
            assertEquals("IN PROGRESS", value(array(send("GET", "/workitems/" + running, null)).getJsonObject(0),
                    "00741000"), "the performer decides");
            assertEquals(200, send("DELETE", "/workitems/" + GLOBAL + "/subscribers/" + performer, null).statusCode());
        } finally {
            events.close();
        }
    }

    @Test
    void theWorklistsScheduledStepsAreWorkitemsAndFollowTheirStates() throws Exception {
        String patient = "UPSW" + System.nanoTime() % 100000;
        String study = UIDs.createUID();
        String order = "{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"" + patient + "\"]},"
                + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Worklist^Wes\"}]},"
                + "\"00080050\":{\"vr\":\"SH\",\"Value\":[\"A" + patient + "\"]},"
                + "\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"" + study + "\"]},"
                + "\"00400100\":{\"vr\":\"SQ\",\"Value\":[{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\"]},"
                + "\"00400001\":{\"vr\":\"AE\",\"Value\":[\"CT1\"]},"
                + "\"00400009\":{\"vr\":\"SH\",\"Value\":[\"SPS1\"]},"
                + "\"00400007\":{\"vr\":\"LO\",\"Value\":[\"CT chest\"]},"
                + "\"00400002\":{\"vr\":\"DA\",\"Value\":[\"20261203\"]},"
                + "\"00400003\":{\"vr\":\"TM\",\"Value\":[\"0930\"]}}]}}";
        var created = Beacon.api("POST", "/worklist", order);
        assertEquals(201, created.statusCode(), created.body());
        long id = Beacon.object(created).getJsonNumber("id").longValue();
        try {
            JsonArray found = array(send("GET", "/workitems?PatientID=" + patient, null));
            assertEquals(1, found.size(), "the order's one scheduled step");
            JsonObject w = found.getJsonObject(0);
            assertEquals("CT chest", value(w, "00741204"), "Procedure Step Label from the step's description");
            assertEquals("SCHEDULED", value(w, "00741000"));
            assertEquals("202612030930", value(w, "00404005"));
            assertEquals("A" + patient, value(w.getJsonObject("0040A370").getJsonArray("Value").getJsonObject(0),
                    "00080050"), "the order in the Referenced Request Sequence");
            String uid = value(w, "00080018");

            String tx = UIDs.createUID();
            assertEquals(200, send("PUT", "/workitems/" + uid + "/state", state("IN PROGRESS", tx)).statusCode());
            assertEquals("STARTED", stepStatus(id), "the step follows its workitem");
            assertEquals(200, send("PUT", "/workitems/" + uid + "/state", state("COMPLETED", tx)).statusCode());
            assertEquals("COMPLETED", stepStatus(id));
        } finally {
            Beacon.api("DELETE", "/worklist/" + id, null);
        }

        String second = UIDs.createUID();
        var other = Beacon.api("POST", "/worklist", order.replace(study, second).replace("SPS1", "SPS2"));
        long otherId = Beacon.object(other).getJsonNumber("id").longValue();
        assertEquals(204, Beacon.api("DELETE", "/worklist/" + otherId, null).statusCode());
        JsonArray afterDelete = array(send("GET", "/workitems?PatientID=" + patient + "&ProcedureStepState=CANCELED",
                null));
        assertEquals(1, afterDelete.size(), "the removed order's step: CANCELED");
    }

    private static String stepStatus(long worklistId) throws Exception {
        JsonObject item = Beacon.object(Beacon.api("GET", "/worklist/" + worklistId, null));
        return value(item.getJsonObject("00400100").getJsonArray("Value").getJsonObject(0), "00400020");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String workitem(String patient, String label) {
        return "{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"" + patient + "\"]},"
                + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Ups^Una\"}]},"
                + "\"00741000\":{\"vr\":\"CS\",\"Value\":[\"SCHEDULED\"]},"
                + "\"00741204\":{\"vr\":\"LO\",\"Value\":[\"" + label + "\"]},"
                + "\"00741202\":{\"vr\":\"LO\",\"Value\":[\"RADIOLOGY\"]},"
                + "\"00404005\":{\"vr\":\"DT\",\"Value\":[\"20261203090000\"]}}";
    }

    private static String label(String label) {
        return "{\"00741204\":{\"vr\":\"LO\",\"Value\":[\"" + label + "\"]}}";
    }

    private static String state(String state, String transactionUid) {
        return "{\"00741000\":{\"vr\":\"CS\",\"Value\":[\"" + state + "\"]}"
                + (transactionUid == null ? "" : ",\"00081195\":{\"vr\":\"UI\",\"Value\":[\"" + transactionUid + "\"]}")
                + "}";
    }

    private static void refused(HttpResponse<String> rsp, int status) {
        assertEquals(409, rsp.statusCode(), rsp.body());
        String warning = rsp.headers().firstValue("Warning").orElse("");
        assertTrue(warning.contains(String.format("0x%04X", status)), warning);
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(ROOT + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).header("Authorization", basic())
                .header("Accept", "application/dicom+json");
        if (json != null) {
            rq.header("Content-Type", "application/dicom+json");
        }
        return HTTP.send(rq.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + Beacon.adminPassword())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static JsonArray array(HttpResponse<String> rsp) {
        assertEquals(200, rsp.statusCode(), rsp.body());
        try (var r = Json.createReader(new StringReader(rsp.body()))) {
            return r.readArray();
        }
    }

    private static String value(JsonObject o, String tag) {
        return DicomWebIT.value(o, tag);
    }

    /** A subscriber's WebSocket: the event reports it receives, in order. */
    private static final class Events implements WebSocket.Listener, AutoCloseable {
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;

        Events(String aeTitle) throws Exception {
            socket = HTTP.newWebSocketBuilder().header("Authorization", basic())
                    .buildAsync(URI.create(ROOT.replace("http:", "ws:") + "/ws/subscribers/" + aeTitle), this)
                    .get(10, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        JsonObject next() throws InterruptedException {
            String text = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(text, "an event report within 10 s");
            try (var r = Json.createReader(new StringReader(text))) {
                return r.readObject();
            }
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
