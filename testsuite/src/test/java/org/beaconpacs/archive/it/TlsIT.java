package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.archive.it.testing.Management;
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

/**
 * DICOM over TLS by the IHE ATNA / BCP 195 profile against DCMTK and openssl: a node with a certificate the
 * trust store vouches for stores and echoes; one without a certificate, or with one of a CA nobody trusts, is
 * refused in the handshake and audited (Security Alert, Node Authentication); only TLS 1.2 with ECDHE AES-GCM
 * suites and TLS 1.3 are offered. The console, the REST API and DICOMweb answer over HTTPS by the same
 * profile, and plain HTTP is redirected there when asked. The server's stores come from the test PKI
 * (BEACON_TLS_* in the pom).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TlsIT {

    private static final String AE = "BEACONTLS";
    private static final int HTTPS_PORT = 8443;
    private static final String HTTPS = "https://127.0.0.1:" + HTTPS_PORT;
    private static int port;

    @BeforeAll
    static void tlsAe() throws Exception {
        port = Dcmtk.freePort();
        assertEquals(201, Beacon.api("POST", "/aes", Json.createObjectBuilder().add("aeTitle", AE).add("port", port)
                .add("local", true).add("tls", true).build().toString()).statusCode());
        assertTrue(Beacon.listening(port) || waitListening());
    }

    private static boolean waitListening() throws InterruptedException {
        Beacon.awaitListening(port);
        return true;
    }

    @AfterAll
    static void removeAe() throws Exception {
        Beacon.api("DELETE", "/aes/" + AE, null);
    }

    private static Path pki(String file) {
        return SyslogCollector.pki().resolve(file);
    }

    private static Dcmtk.Result dcmtk(String tool, String key, String cert, String... files) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tool, "-aet", "TLSSCU", "-aec", AE));
        if (key == null) {
            cmd.add("+tla");
        } else {
            cmd.addAll(List.of("+tls", pki(key).toString(), pki(cert).toString()));
        }
        cmd.addAll(List.of("+cf", pki("ca.pem").toString(), Beacon.HOST, String.valueOf(port)));
        cmd.addAll(List.of(files));
        return Dcmtk.run(cmd.toArray(String[]::new));
    }

    @Test
    void aNodeWithATrustedCertificateEchoesAndStores(@TempDir Path dir) throws Exception {
        Dcmtk.require("storescu");
        Dcmtk.Result echo = dcmtk("echoscu", "client.key", "client.pem");
        assertEquals(0, echo.exitCode(), echo.output());
        String study = UIDs.createUID();
        Path file = Synthetic.write(Synthetic.ct("TLS1", "Secure^Sam", study, UIDs.createUID(), 1, 256),
                dir.resolve("ct.dcm"));
        Dcmtk.Result stored = dcmtk("storescu", "client.key", "client.pem", file.toString());
        assertEquals(0, stored.exitCode(), stored.output());
        JsonObject s = Beacon.object(Beacon.api("GET", "/studies/" + study, null));
        assertEquals("TLS1", s.getString("patientId"));
    }

    /**
     * Outbound TLS (Elytron's client-ssl-context): an export to a remote AE marked TLS reaches DCMTK's
     * {@code storescp +tls}, which requires the archive's certificate, and does not reach one whose own
     * certificate the archive's trust store does not vouch for.
     */
    @Test
    void anExportToATlsNodePresentsTheArchivesCertificateAndChecksThePeers(@TempDir Path dir) throws Exception {
        Dcmtk.require("storescp");
        String study = UIDs.createUID();
        Path file = Synthetic.write(Synthetic.ct("TLSOUT", "Outbound^Otto", study, UIDs.createUID(), 1, 256),
                dir.resolve("ct.dcm"));
        assertEquals(0, Dcmtk.run("storescu", "-aec", Beacon.AE_TITLE, Beacon.HOST,
                String.valueOf(Beacon.dicomPort()), file.toString()).exitCode());
        for (boolean trusted : new boolean[] {true, false}) {
            String ae = trusted ? "TLSDEST" : "ROGUEDEST";
            Path received = java.nio.file.Files.createDirectories(dir.resolve(ae));
            int destination = Dcmtk.freePort();
            Process storescp = Dcmtk.start("storescp", "-aet", ae, "+tls",
                    pki(trusted ? "server.key" : "rogue-client.key").toString(),
                    pki(trusted ? "server.pem" : "rogue-client.pem").toString(), "+cf", pki("ca.pem").toString(),
                    "-od", received.toString(), String.valueOf(destination));
            try {
                Beacon.awaitListening(destination);
                assertEquals(201, Beacon.api("POST", "/aes", Json.createObjectBuilder().add("aeTitle", ae)
                        .add("host", "127.0.0.1").add("port", destination).add("tls", true).build().toString())
                        .statusCode());
                JsonObject result = Beacon.object(Beacon.api("POST", "/studies/" + study + "/export?to=" + ae,
                        null));
                try (var files = java.nio.file.Files.list(received)) {
                    if (trusted) {
                        assertEquals(1, result.getInt("completed"), result.toString());
                        assertEquals(1, files.count(), "the CT arrived over TLS");
                    } else {
                        assertEquals(0, result.getInt("completed"), result.toString());
                        assertEquals(0, files.count(), "nothing sent to a node the trust store does not vouch for");
                    }
                }
            } finally {
                storescp.destroy();
                storescp.waitFor();
                Beacon.api("DELETE", "/aes/" + ae, null);
            }
        }
        Beacon.api("DELETE", "/studies/" + study, null);
    }

    @Test
    void aNodeWithoutATrustedCertificateIsRefusedAndAudited() throws Exception {
        Dcmtk.require("echoscu");
        long before = newestAudit();
        Dcmtk.Result anonymous = dcmtk("echoscu", null, null);
        assertNotEquals(0, anonymous.exitCode(), "no client certificate: " + anonymous.output());
        Dcmtk.Result rogue = dcmtk("echoscu", "rogue-client.key", "rogue-client.pem");
        assertNotEquals(0, rogue.exitCode(), "a certificate of a CA nobody trusts: " + rogue.output());
        List<String> alerts = new ArrayList<>();
        for (int i = 0; i < 100 && alerts.size() < 2; i++) {
            alerts.clear();
            for (JsonObject e : Beacon.array(Beacon.api("GET", "/audit?event=110113&limit=20", null))
                    .getValuesAs(JsonObject.class)) {
                if (e.getJsonNumber("id").longValue() > before) {
                    String xml = Beacon.api("GET", "/audit/" + e.getJsonNumber("id").longValue(), null).body();
                    if (xml.contains("Node Authentication")) {
                        alerts.add(xml);
                    }
                }
            }
            Thread.sleep(100);
        }
        assertEquals(2, alerts.size(), "both refusals audited: " + alerts);
        assertTrue(alerts.get(0).contains("EventOutcomeIndicator=\"8\"")
                && alerts.get(0).contains("TLS handshake failed") && alerts.get(0).contains("127.0.0.1"),
                alerts.get(0));
    }

    @Test
    void onlyTheProfilesProtocolsAndSuitesAreOffered() throws Exception {
        String client = "-cert=" + pki("client.pem") + " -key=" + pki("client.key");
        for (String ok : new String[] {"-tls1_3", "-tls1_2 -cipher ECDHE-ECDSA-AES128-GCM-SHA256",
                "-tls1_2 -cipher ECDHE-ECDSA-AES256-GCM-SHA384"}) {
            assertTrue(handshake(ok + " " + client), ok);
        }
        for (String refused : new String[] {"-tls1_1 -cipher DEFAULT@SECLEVEL=0", "-tls1 -cipher DEFAULT@SECLEVEL=0",
                "-tls1_2 -cipher ECDHE-ECDSA-AES128-SHA256",
                "-tls1_2 -cipher ECDHE-ECDSA-AES128-SHA", "-tls1_2 -cipher AES128-GCM-SHA256"}) {
            assertTrue(!handshake(refused + " " + client), refused + " must be refused");
        }
    }

    @Test
    void theConsoleApiAndDicomWebAnswerOverHttpsByTheProfileAndPlainHttpCanBeRedirected() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(pki("trust.p12"))) {
            trust.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(tls).build();
        HttpResponse<String> aes = https.send(HttpRequest.newBuilder(URI.create(HTTPS + "/beacon/api/aes"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin:" + Beacon.adminPassword()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, aes.statusCode());
        assertTrue(aes.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="));
        assertEquals(200, https.send(HttpRequest.newBuilder(URI.create(HTTPS + "/console/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertWadoRsGivesTheStoredFileOver(https);
        assertTrue(handshake(HTTPS_PORT, "-tls1_3"));
        assertTrue(handshake(HTTPS_PORT, "-tls1_2 -cipher ECDHE-ECDSA-AES128-GCM-SHA256"));
        assertTrue(!handshake(HTTPS_PORT, "-tls1_1 -cipher DEFAULT@SECLEVEL=0"));
        assertTrue(!handshake(HTTPS_PORT, "-tls1_2 -cipher ECDHE-ECDSA-AES128-SHA"));

        HttpClient plain = HttpClient.newHttpClient();
        try (Management m = new Management()) {
            m.systemProperty("beacon.https.redirect", "true");
            try {
                for (String path : new String[] {"/beacon/api/aes?x=1", "/beacon/dicomweb/studies", "/console/login.xhtml"}) {
                    HttpResponse<String> r = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080" + path))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(308, r.statusCode(), path);
                    assertEquals(HTTPS + path, r.headers().firstValue("Location").orElse(null));
                }
            } finally {
                m.systemProperty("beacon.https.redirect", "${env.BEACON_HTTPS_REDIRECT:false}");
            }
        }
        assertEquals(200, Beacon.api("GET", "/aes", null).statusCode(), "plain HTTP again");
    }

    /**
     * WADO-RS of a stored instance as stored over HTTPS: the path that hands stored files to the container as file
     * channels (sendfile on plain HTTP) goes through TLS here, and the part holds the data set as sent.
     */
    private static void assertWadoRsGivesTheStoredFileOver(HttpClient https) throws Exception {
        String study = UIDs.createUID();
        Attributes ct = Synthetic.ct("TLSWADO", "Web^Wanda", study, UIDs.createUID(), 1, 64 * 1024);
        byte[] dataSet = Synthetic.encode(ct);
        try (var c = CtStore.client("TLSWADO")) {
            assertEquals(0, CtStore.store(c, ct.getString(Tag.SOPInstanceUID), dataSet).status());
            c.release();
        }
        HttpResponse<byte[]> rsp = https.send(HttpRequest.newBuilder(URI.create(HTTPS + "/beacon/dicomweb/studies/"
                        + study)).header("Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:"
                        + Beacon.adminPassword()).getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, rsp.statusCode());
        byte[] body = rsp.body();
        assertEquals(rsp.headers().firstValueAsLong("Content-Length").orElse(-1), body.length);
        String boundary = rsp.headers().firstValue("Content-Type").orElse("")
                .replaceAll(".*boundary=\"?([^;\"]+).*", "$1");
        byte[] closing = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int end = body.length - closing.length;
        assertTrue(end >= dataSet.length, body.length + " bytes");
        assertArrayEquals(closing, java.util.Arrays.copyOfRange(body, end, body.length), "the closing delimiter");
        assertArrayEquals(dataSet, java.util.Arrays.copyOfRange(body, end - dataSet.length, end),
                "the part ends with the data set as sent, whole");
        Beacon.api("DELETE", "/studies/" + study, null);
    }

    /** Whether openssl s_client completes a handshake with the DICOM TLS listener with these options. */
    private static boolean handshake(String options) throws Exception {
        return handshake(port, options);
    }

    /** Whether openssl s_client completes a handshake on {@code port} with these options. */
    private static boolean handshake(int port, String options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "echo | openssl s_client -connect 127.0.0.1:" + port
                + " -CAfile " + pki("ca.pem") + " -verify_return_error " + options + " 2>&1"));
        Dcmtk.Result r = Dcmtk.run(cmd.toArray(String[]::new));
        String out = r.output();
        return out.contains("Verify return code: 0 (ok)") && !out.contains("Cipher is (NONE)")
                && !out.contains("handshake failure") && !out.contains("no protocols available")
                && !out.contains("alert");
    }

    private static long newestAudit() throws Exception {
        var newest = Beacon.array(Beacon.api("GET", "/audit?limit=1", null));
        return newest.isEmpty() ? 0 : newest.getJsonObject(0).getJsonNumber("id").longValue();
    }
}
