package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The REST API for application entities: authentication, validation, live listeners, and echo. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AeApiIT {

    @Test
    void theApiNeedsALoginAndAdminForChanges() throws Exception {
        assertEquals(401, Beacon.call("GET", "/aes", null, null, null).statusCode());
        assertEquals(401, Beacon.call("GET", "/aes", null, "admin", "wrong").statusCode());
        HttpResponse<String> list = Beacon.api("GET", "/aes", null);
        assertEquals(200, list.statusCode());
        assertTrue(Beacon.array(list).stream().anyMatch(v -> v.asJsonObject().getString("aeTitle").equals("BEACON")
                && v.asJsonObject().getBoolean("local")), list.body());
    }

    @Test
    void invalidAesAreRefusedWithAMessagePerField() throws Exception {
        HttpResponse<String> tooLong = Beacon.createRemoteAe("ABCDEFGHIJKLMNOPQ", "127.0.0.1", 104);
        assertEquals(400, tooLong.statusCode());
        assertTrue(Beacon.object(tooLong).getJsonObject("fields").getString("aeTitle").contains("at most 16"));

        HttpResponse<String> backslash = Beacon.createRemoteAe("BAD\\AE", "127.0.0.1", 104);
        assertEquals(400, backslash.statusCode());
        assertTrue(Beacon.object(backslash).getJsonObject("fields").getString("aeTitle").contains("backslash"));

        HttpResponse<String> port = Beacon.createRemoteAe("GOODAE", "bad host!", 70000);
        assertEquals(400, port.statusCode());
        JsonObject fields = Beacon.object(port).getJsonObject("fields");
        assertTrue(fields.getString("port").contains("65535"), fields.toString());
        assertTrue(fields.getString("host").contains("not a host name"), fields.toString());
        assertFalse(fields.containsKey("aeTitle"));

        assertEquals(404, Beacon.api("GET", "/aes/GOODAE", null).statusCode(), "nothing invalid was stored");
    }

    @Test
    void surroundingSpacesOfAnAeTitleAreNotSignificant() throws Exception {
        assertEquals(201, Beacon.createRemoteAe("  SPACED  ", "127.0.0.1", 104).statusCode());
        try {
            assertEquals("SPACED", Beacon.object(Beacon.api("GET", "/aes/SPACED", null)).getString("aeTitle"));
            HttpResponse<String> again = Beacon.createRemoteAe("SPACED ", "127.0.0.1", 104);
            assertEquals(400, again.statusCode());
            assertTrue(again.body().contains("exists already"), again.body());
        } finally {
            Beacon.api("DELETE", "/aes/SPACED", null);
        }
    }

    @Test
    void aNewLocalAeListensRightAwayAndStopsWhenDeleted() throws Exception {
        Dcmtk.require("echoscu");
        int port = Dcmtk.freePort();
        String body = Json.createObjectBuilder().add("aeTitle", "SECONDARY").add("port", port).add("local", true)
                .build().toString();
        assertEquals(201, Beacon.api("POST", "/aes", body).statusCode());
        try {
            Dcmtk.Result echo = Dcmtk.run("echoscu", "-aec", "SECONDARY", Beacon.HOST, String.valueOf(port));
            assertEquals(0, echo.exitCode(), echo.output());
        } finally {
            assertEquals(204, Beacon.api("DELETE", "/aes/SECONDARY", null).statusCode());
        }
        assertTrue(Beacon.closedSoon(port), "the listener closed with the AE");
    }

    @Test
    void aLocalAeMovedToAnotherPortListensThereAtOnce() throws Exception {
        Dcmtk.require("echoscu");
        int first = Dcmtk.freePort();
        int second = Dcmtk.freePort();
        assertEquals(201, Beacon.api("POST", "/aes", Json.createObjectBuilder().add("aeTitle", "MOVING")
                .add("port", first).add("local", true).build().toString()).statusCode());
        try {
            assertTrue(Beacon.listening(first));
            JsonObject ae = Beacon.object(Beacon.api("GET", "/aes/MOVING", null));
            String moved = Json.createObjectBuilder(ae).add("port", second).build().toString();
            assertEquals(200, Beacon.api("PUT", "/aes/MOVING", moved).statusCode());
            assertTrue(Beacon.closedSoon(first), "the old port closed");
            Dcmtk.Result echo = Dcmtk.run("echoscu", "-aec", "MOVING", Beacon.HOST, String.valueOf(second));
            assertEquals(0, echo.exitCode(), echo.output());
            assertEquals(409, Beacon.api("PUT", "/aes/MOVING", moved).statusCode(), "a stale version is refused");
        } finally {
            Beacon.api("DELETE", "/aes/MOVING", null);
        }
    }

    @Test
    void restEchoReachesStorescpAndExplainsAClosedPort() throws Exception {
        Dcmtk.require("storescp");
        int port = Dcmtk.freePort();
        Process storescp = Dcmtk.start("storescp", "--ignore", "-aet", "ECHOPEER", String.valueOf(port));
        try {
            Beacon.awaitListening(port);
            assertEquals(201, Beacon.createRemoteAe("ECHOPEER", "127.0.0.1", port).statusCode());
            JsonObject ok = Beacon.object(Beacon.api("POST", "/aes/ECHOPEER/echo", null));
            assertTrue(ok.getBoolean("success"), ok.toString());
            assertEquals(0, ok.getInt("status"));
            assertTrue(ok.getJsonNumber("millis").longValue() >= 0);
            // the AE cache follows a change at once: point the AE elsewhere and the echo fails
            JsonObject ae = Beacon.object(Beacon.api("GET", "/aes/ECHOPEER", null));
            assertEquals(200, Beacon.api("PUT", "/aes/ECHOPEER", Json.createObjectBuilder(ae)
                    .add("port", Dcmtk.freePort()).build().toString()).statusCode());
            assertFalse(Beacon.object(Beacon.api("POST", "/aes/ECHOPEER/echo", null)).getBoolean("success"));
        } finally {
            storescp.destroy();
            storescp.waitFor();
            Beacon.api("DELETE", "/aes/ECHOPEER", null);
        }
        int closed = Dcmtk.freePort();
        assertEquals(201, Beacon.createRemoteAe("NOBODY", "127.0.0.1", closed).statusCode());
        try {
            JsonObject failed = Beacon.object(Beacon.api("POST", "/aes/NOBODY/echo", null));
            assertFalse(failed.getBoolean("success"));
            assertTrue(failed.getString("reason").startsWith("connection refused"), failed.toString());
        } finally {
            Beacon.api("DELETE", "/aes/NOBODY", null);
        }
    }

    @Test
    void restEchoReportsARejectionWithItsReason() throws Exception {
        // our own listener does not know this called AE title: a rejection with a reason
        assertEquals(201, Beacon.createRemoteAe("NOTHERE", "127.0.0.1", Beacon.dicomPort()).statusCode());
        try {
            JsonObject failed = Beacon.object(Beacon.api("POST", "/aes/NOTHERE/echo", null));
            assertFalse(failed.getBoolean("success"));
            assertTrue(failed.getString("reason").startsWith("association rejected: called AE title not recognized"),
                    failed.toString());
        } finally {
            Beacon.api("DELETE", "/aes/NOTHERE", null);
        }
    }

    @Test
    void readinessShowsTheListeners() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:9990/health/ready"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonObject health = Beacon.object(r);
        JsonObject check = health.getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals("dicom-listeners")).findFirst()
                .orElseThrow(() -> new AssertionError("no dicom-listeners check: " + r.body()));
        assertEquals("UP", check.getString("status"));
        assertTrue(check.getJsonObject("data").toString().contains("listening [BEACON]"), check.toString());
    }
}
