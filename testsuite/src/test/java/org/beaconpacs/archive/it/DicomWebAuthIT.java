package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.beaconpacs.archive.it.testing.Beacon;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bearer tokens and CORS for the REST API, DICOMweb and WADO-URI: a token from POST /api/token instead of
 * a password on every request, roles kept (a viewer's token reads, cannot store), a changed password voiding
 * the tokens issued before; cross-origin preflights and responses for the configured origin only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DicomWebAuthIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String VIEWER_ORIGIN = "http://viewer.test"; // BEACON_CORS_ORIGINS of the test server

    @Test
    void aTokenStandsInForThePasswordUntilThePasswordChanges() throws Exception {
        String user = "tok" + System.nanoTime() % 100000;
        assertEquals(200, Beacon.api("PUT", "/users/" + user, "{\"password\":\"first-password-1\",\"role\":\"viewer\"}")
                .statusCode());
        try {
            HttpResponse<String> issued = Beacon.call("POST", "/token", null, user, "first-password-1");
            assertEquals(200, issued.statusCode(), issued.body());
            JsonObject body = Beacon.object(issued);
            assertEquals("Bearer", body.getString("token_type"));
            assertEquals(3600, body.getInt("expires_in"));
            assertTrue(issued.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
            String token = body.getString("access_token");
            assertEquals(3, token.split("\\.").length, "a JWT: header, claims, signature");

            assertEquals(200, bearer("GET", DicomWebIT.ROOT.replace("/dicomweb", "/api") + "/aes", token).statusCode());
            HttpResponse<String> qido = bearer("GET", DicomWebIT.ROOT + "/studies?PatientID=NOBODY", token);
            assertTrue(qido.statusCode() == 200 || qido.statusCode() == 204, qido.body());
            assertEquals(403, bearer("POST", DicomWebIT.ROOT + "/studies", token).statusCode(),
                    "a viewer's token does not store");
            String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(
                    token.lastIndexOf('.') + 5);
            HttpResponse<String> refused = bearer("GET", DicomWebIT.ROOT + "/studies", tampered);
            assertEquals(401, refused.statusCode());
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));

            assertEquals(200, Beacon.api("PUT", "/users/" + user, "{\"password\":\"second-password-2\","
                    + "\"role\":\"viewer\"}").statusCode());
            assertEquals(401, bearer("GET", DicomWebIT.ROOT + "/studies", token).statusCode(),
                    "issued before the password changed");
            String renewed = Beacon.object(Beacon.call("POST", "/token", null, user, "second-password-2"))
                    .getString("access_token");
            assertEquals(200, bearer("POST", DicomWebIT.ROOT.replace("/dicomweb", "/api") + "/token", renewed)
                    .statusCode(), "a valid token renews itself");
        } finally {
            Beacon.api("DELETE", "/users/" + user, null);
        }
    }

    @Test
    void theConfiguredOriginMayCallFromABrowserAndNoOtherMay() throws Exception {
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(DicomWebIT.ROOT + "/studies"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", VIEWER_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization, accept").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode(), preflight.body());
        assertEquals(VIEWER_ORIGIN, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("authorization"));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));

        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(DicomWebIT.ROOT
                + "/studies?PatientID=NOBODY")).header("Origin", VIEWER_ORIGIN).header("Authorization",
                basicAdmin()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(VIEWER_ORIGIN, get.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(get.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("Warning"));
        HttpResponse<String> unauthorized = HTTP.send(HttpRequest.newBuilder(URI.create(DicomWebIT.ROOT
                + "/studies")).header("Origin", VIEWER_ORIGIN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unauthorized.statusCode());
        assertEquals(VIEWER_ORIGIN, unauthorized.headers().firstValue("Access-Control-Allow-Origin").orElse(""),
                "the viewer can read that it must log in");

        HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(URI.create(DicomWebIT.ROOT + "/studies"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://elsewhere.test")
                .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(other.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    private static HttpResponse<String> bearer(String method, String url, String token) throws Exception {
        HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(url)).method(method,
                HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + token);
        if (url.contains("/dicomweb/")) {
            rq.header("Accept", "application/dicom+json");
        }
        if (method.equals("POST") && url.contains("/dicomweb/")) {
            rq.header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=x");
        }
        return HTTP.send(rq.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basicAdmin() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + Beacon.adminPassword())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
