package org.beaconpacs.archive.it.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The archive under test: where it listens, and its REST API as the admin (or anyone) calls it. */
public final class Beacon {

    public static final String HOST = "127.0.0.1";
    public static final String AE_TITLE = "BEACON";
    public static final String API = "http://127.0.0.1:8080/beacon/api";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Beacon() {
    }

    public static int dicomPort() {
        return Integer.parseInt(System.getProperty("test.dicom.port", "11112"));
    }

    public static String adminPassword() {
        return System.getProperty("test.admin.password", "beacon-test-admin");
    }

    /** A REST call as the admin; {@code body} is JSON or null. */
    public static HttpResponse<String> api(String method, String path, String body) throws IOException,
            InterruptedException {
        return call(method, path, body, "admin", adminPassword());
    }

    /** A REST call with the given credentials (null user: none). */
    public static HttpResponse<String> call(String method, String path, String body, String user, String password)
            throws IOException, InterruptedException {
        return call(API, method, path, body, user, password);
    }

    /** A REST call to the API at {@code api} (another server's). */
    public static HttpResponse<String> call(String api, String method, String path, String body, String user,
                                            String password) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as the admin whose body is binary (a PNG, a PDF). */
    public static HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        HttpRequest rq = HttpRequest.newBuilder(URI.create(API + path)).timeout(Duration.ofSeconds(60)).GET()
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword())
                        .getBytes(StandardCharsets.UTF_8))).build();
        return HTTP.send(rq, HttpResponse.BodyHandlers.ofByteArray());
    }

    public static JsonObject object(HttpResponse<String> response) {
        return (JsonObject) parse(response.body());
    }

    public static JsonArray array(HttpResponse<String> response) {
        return (JsonArray) parse(response.body());
    }

    private static JsonStructure parse(String body) {
        try (var r = Json.createReader(new StringReader(body))) {
            return r.read();
        }
    }

    /** Creates a remote AE through the API. */
    public static HttpResponse<String> createRemoteAe(String aeTitle, String host, int port) throws IOException,
            InterruptedException {
        return api("POST", "/aes", Json.createObjectBuilder().add("aeTitle", aeTitle).add("host", host)
                .add("port", port).build().toString());
    }

    /** Whether something accepts TCP connections on {@code port} of the loopback address. */
    public static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 2000);
            // a connect to a closed loopback port may meet itself (TCP simultaneous open): not a listener
            return s.getLocalPort() != port;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@code port} stops listening within two seconds (a closed listener's descriptor goes when its accept thread wakes). */
    public static boolean closedSoon(int port) throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            if (!listening(port)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Waits until {@code port} accepts connections (a tool the test started). */
    public static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!listening(port)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing listens on port " + port);
            }
            Thread.sleep(100);
        }
    }
}
