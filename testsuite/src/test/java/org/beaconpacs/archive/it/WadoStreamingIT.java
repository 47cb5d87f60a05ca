package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.archive.it.testing.StandaloneServer;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1,000-instance study (500 MiB) leaves a server with a 256 MiB heap by WADO-RS whole: the parts are
 * streamed from the files, never gathered in memory.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WadoStreamingIT {

    private static final int INSTANCES = 1000;
    private static final int PIXEL_BYTES = 512 * 512 * 2;

    @TempDir
    static Path dir;

    @Test
    void aThousandInstanceStudyLeavesA256MibHeapWhole() throws Exception {
        String password = "streaming-admin";
        try (StandaloneServer server = new StandaloneServer(dir.resolve("server"), Map.of("BEACON_DICOM_PORT", "11419",
                "BEACON_ADMIN_PASSWORD", password, "BEACON_STORAGE_MIN_FREE_MB", "10",
                "BEACON_STORAGE_DURABILITY", "deferred", "JBOSS_JAVA_SIZING", "-Xms64m -Xmx256m"))) {
            server.start();
            String study = UIDs.createUID();
            String series = UIDs.createUID();
            try (var c = CtStore.client("STREAMSCU", server.dicomPort())) {
                for (int i = 1; i <= INSTANCES; i++) {
                    Attributes ds = Synthetic.ct("STREAM", "Stream^Sam", study, series, i, PIXEL_BYTES);
                    ds.setInt(Tag.Rows, VR.US, 512);
                    ds.setInt(Tag.Columns, VR.US, 512);
                    assertEquals(0, CtStore.store(c, ds.getString(Tag.SOPInstanceUID), Synthetic.encode(ds)).status());
                }
                c.release();
            }
            HttpResponse<InputStream> rsp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(URI.create(server.api().replace("/api", "/dicomweb") + "/studies/"
                            + study)).header("Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*")
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
                                    .getBytes(StandardCharsets.UTF_8))).timeout(Duration.ofMinutes(5)).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, rsp.statusCode());
            long bytes = 0;
            int parts = 0;
            byte[] marker = "Content-Type: application/dicom".getBytes(StandardCharsets.US_ASCII);
            int matched = 0;
            byte[] buf = new byte[1 << 16];
            try (InputStream in = rsp.body()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    bytes += n;
                    for (int k = 0; k < n; k++) {
                        matched = buf[k] == marker[matched] ? matched + 1 : buf[k] == marker[0] ? 1 : 0;
                        if (matched == marker.length) {
                            parts++;
                            matched = 0;
                        }
                    }
                }
            }
            assertEquals(INSTANCES, parts, "a part an instance");
            assertTrue(bytes > (long) INSTANCES * PIXEL_BYTES, bytes + " bytes");
            String log = Files.readString(dir.resolve("server/console.log"));
            assertFalse(log.contains("OutOfMemoryError"), "no OutOfMemoryError in the server's log");
            assertTrue(log.contains("-Xmx256m"), "the server ran with a 256 MiB heap");
        }
    }
}
