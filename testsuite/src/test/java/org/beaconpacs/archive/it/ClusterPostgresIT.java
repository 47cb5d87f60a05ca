package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.Cluster;
import org.beaconpacs.archive.it.testing.StandaloneServer;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.archive.it.testing.SyslogCollector;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.uid.UIDs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of the cluster variant behind HAProxy on one PostgreSQL database and one storage root (README
 * "Cluster"), started at the same moment on an empty database. PostgreSQL's phase only: a cluster needs a
 * database both nodes reach.
 */
class ClusterPostgresIT {

    /** Under target/, not a temporary folder: the nodes' logs stay for a look after a failure. */
    private static final Path dir = Path.of("target/cluster").toAbsolutePath();
    private static Cluster cluster;
    /** The audit repository of both nodes (TLS: nothing sent while it is down is lost). */
    private static SyslogCollector audit;

    @BeforeAll
    static void start() throws Exception {
        Cluster.require();
        Dcmtk.require("storescu");
        Cluster.clean(dir);
        audit = new SyslogCollector("tls", SyslogCollector.port() + 1).start();
        cluster = new Cluster(dir, "beacon_cluster", SyslogCollector.port() + 1);
        cluster.start(); // stopped in stop() even when it fails half way
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (audit != null) {
            audit.close();
        }
    }

    @Test
    void storescuThroughTheLoadBalancerReachesBothNodesAndStoresEveryObjectOnce() throws Exception {
        int runs = 4;
        int each = 5;
        List<String> studies = new ArrayList<>();
        List<Process> running = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            String study = UIDs.createUID();
            String series = UIDs.createUID();
            studies.add(study);
            Path folder = dir.resolve("run" + r);
            for (int i = 1; i <= each; i++) {
                Synthetic.write(Synthetic.ct("CLU" + r, "Cluster^Carl", study, series, i, 4096),
                        folder.resolve(i + ".dcm"));
            }
            ProcessBuilder pb = new ProcessBuilder("storescu", "+sd", "-aet", "CLUSTERSCU", "-aec", Beacon.AE_TITLE,
                    "127.0.0.1", String.valueOf(cluster.dicomPort()), folder.toString()).redirectErrorStream(true);
            pb.environment().put("TCP_NODELAY", "1");
            running.add(pb.start());
        }
        for (Process p : running) {
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), out);
            assertFalse(out.contains("Error"), out);
        }
        for (String study : studies) { // each node's API shows the whole cluster's index
            for (int n = 1; n <= 2; n++) {
                JsonObject s = Beacon.object(cluster.node(n).api("GET", "/studies/" + study));
                assertEquals(each, s.getInt("numberOfInstances"), "node" + n + ", study " + study);
            }
        }
        Set<String> nodes = new HashSet<>();
        for (var v : Beacon.array(cluster.node(1).api("GET", "/activity?max=50"))) {
            JsonObject a = v.asJsonObject();
            if ("CLUSTERSCU".equals(a.getString("callingAe", null))) {
                nodes.add(a.getString("node"));
            }
        }
        assertEquals(Set.of("node1", "node2"), nodes, "the associations spread over both nodes, each named");
    }

    /**
     * Both nodes keep audit records in the one table and both forward: taking turns on the cursor's row, they
     * send every record once, in the order kept, whichever node kept it.
     */
    @Test
    void theAuditTrailOfBothNodesReachesTheRepositoryOnceInOrder() throws Exception {
        for (int n = 1; n <= 2; n++) { // records on each node: a store and a failed login
            Path file = Synthetic.write(Synthetic.ct("CLUAUD" + n, "Audit^Anne", UIDs.createUID(), UIDs.createUID(),
                    1, 256), dir.resolve("audit" + n + ".dcm"));
            assertEquals(0, Dcmtk.run("storescu", "-aet", "CLUAUDIT" + n, "-aec", Beacon.AE_TITLE, "127.0.0.1",
                    String.valueOf(cluster.node(n).dicomPort()), file.toString()).exitCode());
            assertEquals(401, Beacon.call(cluster.node(n).api(), "GET", "/studies", null, "cluster-guess" + n,
                    "wrong").statusCode());
        }
        StandaloneServer node1 = cluster.node(1);
        var newest = Beacon.array(node1.api("GET", "/audit?limit=1")).getJsonObject(0);
        long last = newest.getJsonNumber("id").longValue();
        String lastXml = node1.api("GET", "/audit/" + last).body();
        audit.await(m -> m.xml().equals(lastXml), java.time.Duration.ofSeconds(60), "for record " + last);
        List<String> kept = new ArrayList<>();
        for (var v : Beacon.array(node1.api("GET", "/audit?limit=1000"))) {
            long id = v.asJsonObject().getJsonNumber("id").longValue();
            if (id <= last) {
                kept.add(0, node1.api("GET", "/audit/" + id).body());
            }
        }
        List<String> received = audit.received().stream().map(SyslogCollector.Message::xml).toList();
        assertTrue(kept.stream().anyMatch(x -> x.contains("CLUAUDIT1")) && kept.stream().anyMatch(x -> x.contains(
                "CLUAUDIT2")), "both nodes' stores kept");
        assertEquals(kept, received.subList(0, kept.size()), "every record once, in order, from either node");
        assertEquals(List.of(), audit.problems());
    }

    @Test
    void anAeAddedOrChangedOnOneNodeIsUsedByTheOtherAtOnce() throws Exception {
        Dcmtk.require("movescu");
        StandaloneServer node1 = cluster.node(1);
        StandaloneServer node2 = cluster.node(2);
        String study = UIDs.createUID();
        Path file = Synthetic.write(Synthetic.ct("CLUMOVE", "Move^Molly", study, UIDs.createUID(), 1, 256),
                dir.resolve("move.dcm"));
        assertEquals(0, Dcmtk.run("storescu", "-aec", Beacon.AE_TITLE, "127.0.0.1",
                String.valueOf(node1.dicomPort()), file.toString()).exitCode());
        for (int round = 0; round < 2; round++) {
            Path received = Files.createDirectories(dir.resolve("dest" + round));
            int port = Dcmtk.freePort();
            Process storescp = Dcmtk.start("storescp", "-aet", "CLUSTERDEST", "-od", received.toString(),
                    String.valueOf(port));
            try {
                Beacon.awaitListening(port);
                // first the AE is added on node 1, then its port changed there; node 2 had it cached meanwhile
                String ae = Json.createObjectBuilder().add("aeTitle", "CLUSTERDEST").add("host", "127.0.0.1")
                        .add("port", port).add("moveDestination", true).build().toString();
                var saved = round == 0 ? Beacon.call(node1.api(), "POST", "/aes", ae, "admin", Beacon.adminPassword())
                        : Beacon.call(node1.api(), "PUT", "/aes/CLUSTERDEST", ae, "admin", Beacon.adminPassword());
                assertTrue(saved.statusCode() / 100 == 2, saved.body());
                // at once: no retry, no wait for a cache to expire
                Dcmtk.Result moved = Dcmtk.run("movescu", "-aet", "CLUSTERSCU", "-aec", Beacon.AE_TITLE,
                        "-aem", "CLUSTERDEST", "-S", "-k", "QueryRetrieveLevel=STUDY", "-k",
                        "StudyInstanceUID=" + study, "127.0.0.1", String.valueOf(node2.dicomPort()));
                assertEquals(0, moved.exitCode(), moved.output());
                try (var files = Files.list(received)) {
                    assertEquals(1, files.count(), "round " + round + ": node 2 sent to the port node 1 saved");
                }
            } finally {
                storescp.destroy();
                storescp.waitFor();
            }
        }
    }
}
