package org.beaconpacs.archive.it.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Orthanc (the Debian package) as an independent peer: started with a configuration of its own in a
 * temporary folder, its DICOM and HTTP ports free ones, the archive known to it as modality "beacon".
 * Driven through its REST API. Skips where Orthanc is absent, fails under CI.
 */
public final class Orthanc implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/Orthanc");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
    public final String aeTitle;
    public final int dicomPort;
    public final int httpPort;
    private final Process process;

    public static void require() {
        boolean present = Files.isExecutable(BINARY);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("Orthanc is missing under CI: .ci/run must install the orthanc package");
        }
        assumeTrue(present, "Orthanc not installed (apt-get install orthanc); skipping");
    }

    public Orthanc(Path dir, String aeTitle) throws Exception {
        this(dir, aeTitle, false);
    }

    /**
     * An Orthanc; with {@code dicomWeb}, its DICOMweb plugin (Debian {@code orthanc-dicomweb}) loaded and
     * this archive's DICOMweb root configured as its server "beacon" (with the test admin's credentials).
     */
    public Orthanc(Path dir, String aeTitle, boolean dicomWeb) throws Exception {
        require();
        if (dicomWeb) {
            boolean present = Files.exists(DICOMWEB_PLUGIN);
            if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("Orthanc's DICOMweb plugin is missing under CI: .ci/run must install orthanc-dicomweb");
            }
            assumeTrue(present, "orthanc-dicomweb not installed; skipping");
        }
        this.aeTitle = aeTitle;
        this.dicomPort = freePort();
        this.httpPort = freePort();
        Files.createDirectories(dir);
        Path config = dir.resolve("orthanc.json");
        Files.writeString(config, Json.createObjectBuilder()
                .add("Name", "beacon-it").add("StorageDirectory", dir.resolve("db").toString())
                .add("IndexDirectory", dir.resolve("db").toString()).add("DicomAet", aeTitle)
                .add("DicomPort", dicomPort).add("HttpPort", httpPort).add("RemoteAccessAllowed", false)
                .add("AuthenticationEnabled", false).add("DicomAlwaysAllowStore", true)
                .add("DicomCheckCalledAet", false).add("Plugins", dicomWeb
                        ? Json.createArrayBuilder().add(DICOMWEB_PLUGIN.toString()) : Json.createArrayBuilder())
                .add("DicomWeb", Json.createObjectBuilder().add("Enable", dicomWeb).add("Servers",
                        Json.createObjectBuilder().add("beacon", Json.createArrayBuilder()
                                .add("http://127.0.0.1:8080/beacon/dicomweb/").add("admin")
                                .add(Beacon.adminPassword()))))
                .add("DicomModalities", Json.createObjectBuilder().add("beacon", Json.createArrayBuilder()
                        .add(Beacon.AE_TITLE).add(Beacon.HOST).add(Beacon.dicomPort())))
                .build().toString());
        process = new ProcessBuilder(BINARY.toString(), config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("orthanc.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                if (get("/system").statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not up yet
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("Orthanc did not start: " + Files.readString(dir.resolve("orthanc.log")));
            }
            Thread.sleep(200);
        }
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static JsonStructure json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
