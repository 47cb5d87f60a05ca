package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.Browser;
import org.beaconpacs.archive.it.testing.Dcmjs;
import org.beaconpacs.archive.it.testing.Mllp;
import org.beaconpacs.archive.it.testing.Cluster;
import org.beaconpacs.archive.it.testing.StandaloneServer;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.archive.it.testing.SyslogCollector;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.uid.UIDs;
import org.openqa.selenium.By;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes of the cluster variant behind HAProxy on one PostgreSQL database and one storage root (README
 * "Cluster"), started at the same moment on an empty database. PostgreSQL's phase only: a cluster needs a
 * database both nodes reach. The tests that stop or kill a node come last, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    @Order(1)
    void storescuThroughTheLoadBalancerReachesBothNodesAndStoresEveryObjectOnce() throws Exception {
        int each = 5;
        List<Run> runs = runs("CLU", 4, each, 4096);
        List<Process> running = new ArrayList<>();
        for (Run r : runs) {
            running.add(storescu(r.folder(), cluster.dicomPort()));
        }
        for (Process p : running) {
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), out);
            assertFalse(out.contains("Error"), out);
        }
        List<String> studies = runs.stream().map(Run::study).toList();
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
    @Order(1)
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
    @Order(1)
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

    /**
     * A RIS's order through the load balancer's MLLP port (python3-hl7's mllp_send): acknowledged by one node,
     * in the one worklist both nodes answer from, found by a modality's C-FIND on either node.
     */
    @Test
    @Order(1)
    void anHl7OrderThroughTheLoadBalancerIsInBothNodesWorklist() throws Exception {
        Mllp.require();
        Dcmtk.require("findscu");
        String pid = "CLUHL7";
        String acc = "ACLU" + System.currentTimeMillis() % 1_000_000;
        assertEquals("AA", Mllp.send(cluster.hl7Port(), dir.resolve("adt.hl7"), Mllp.msh("ADT^A04", "2.3.1", "CA1"),
                "EVN|A04|20261202090000", "PID|||" + pid + "^^^HOSP||Order^Olga||19700101|F").split(" ")[0]);
        String ack = Mllp.send(cluster.hl7Port(), dir.resolve("orm.hl7"), Mllp.msh("ORM^O01", "2.3.1", "CA2"),
                "PID|||" + pid + "^^^HOSP||Order^Olga||19700101|F", "ORC|NW|PLC" + acc,
                Hl7IT.obr("CTHEAD^CT head^L", acc, "RP" + acc, "SPS" + acc, "CT", "20261203110000"));
        assertTrue(ack.startsWith("AA"), ack);
        for (int n = 1; n <= 2; n++) {
            Dcmtk.Result wl = Dcmtk.run("findscu", "-W", "-aet", "CLUCT", "-aec", Beacon.AE_TITLE, "127.0.0.1",
                    String.valueOf(cluster.node(n).dicomPort()), "-k", "AccessionNumber=" + acc, "-k", "PatientName",
                    "-k", "ScheduledProcedureStepSequence[0].Modality=CT");
            assertTrue(wl.output().contains("Order^Olga"), "node" + n + ": " + wl.output());
        }
    }

    /**
     * Print jobs spooled on both nodes at once: each printed once (one Export audit record each), by the node
     * that spooled it (its SCU hears PENDING, PRINTING and DONE on its association), into the print folder in
     * the shared storage, where another node finds it.
     */
    @Test
    @Order(2)
    void printJobsSpooledOnBothNodesArePrintedOnceEachByTheirNode() throws Exception {
        Path plan = Files.writeString(dir.resolve("print-plan.json"), """
                { "session": {"FilmSessionLabel": "cluster"}, "lingerMs": 4000,
                  "films": [ {"attrs": {"ImageDisplayFormat": "STANDARD\\\\1,1", "FilmSizeID": "8INX10IN"},
                    "images": [ {"position": 1, "image": {"rows": 64, "columns": 64, "bits": 8,
                                                          "pattern": "checker:8"}} ] } ],
                  "printSession": true }
                """);
        ExecutorService scus = Executors.newFixedThreadPool(4);
        Map<String, Future<List<String>>> printed = new TreeMap<>();
        try {
            for (int n = 1; n <= 2; n++) {
                for (int k = 0; k < 2; k++) {
                    StandaloneServer node = cluster.node(n);
                    printed.put("node" + n + "/" + k, scus.submit(() -> Dcmjs.print("CLUPRINT", node.dicomPort(),
                            plan)));
                }
            }
            Map<String, String> jobNode = new HashMap<>();
            for (var e : printed.entrySet()) {
                List<String> out = e.getValue().get(2, TimeUnit.MINUTES);
                String job = PrintIT.job(out);
                List<String> events = out.stream().filter(l -> l.startsWith("EVENT") && l.contains(job)).toList();
                assertEquals(3, events.size(), "PENDING, PRINTING, DONE on its association: " + out);
                jobNode.put(job, e.getKey().substring(0, 5));
            }
            JsonObject shared = null;
            for (var v : Beacon.array(cluster.node(1).api("GET", "/print/jobs?max=100"))) {
                JsonObject j = v.asJsonObject();
                if (jobNode.containsKey(j.getString("jobUid"))) {
                    assertEquals("DONE", j.getString("state"), j.toString());
                    assertEquals(jobNode.get(j.getString("jobUid")), j.getString("node"), j.toString());
                    shared = j;
                }
            }
            assertTrue(shared != null && Path.of(shared.getString("directory")).startsWith(dir.resolve(
                    "storage/.print")), "jobs in the shared storage: " + shared);
            Thread.sleep(2_000); // a second print by the other node would be audited by now
            Map<String, Integer> exports = new HashMap<>();
            for (var v : Beacon.array(cluster.node(2).api("GET", "/audit?event=110106&limit=200"))) {
                String xml = cluster.node(2).api("GET", "/audit/" + v.asJsonObject().getJsonNumber("id")
                        .longValue()).body();
                jobNode.keySet().stream().filter(job -> xml.contains("ParticipantObjectID=\"" + job + "\""))
                        .forEach(job -> exports.merge(job, 1, Integer::sum));
            }
            Map<String, Integer> once = new HashMap<>();
            jobNode.keySet().forEach(job -> once.put(job, 1));
            assertEquals(once, exports, "each job's films left for the printer once");
        } finally {
            scus.shutdownNow();
        }
    }

    /**
     * A console session through the load balancer lives on when its node stops: the other node serves the
     * next page with the same login. The dashboard shows both nodes' listeners.
     */
    @Test
    @Order(3)
    void aConsoleSessionContinuesWhenItsNodeStops() throws Exception {
        try (Browser b = Browser.open("en-US", "http://127.0.0.1:" + cluster.httpPort() + "/console/")) {
            b.login("admin", Beacon.adminPassword()).awaitUrlEnding("/index.xhtml");
            String listeners = b.visible(By.id("dashboard:listeners")).getText();
            assertTrue(listeners.contains("node1") && listeners.contains("node2"), listeners);
            String served = b.driver().manage().getCookieNamed("BEACONNODE").getValue();
            StandaloneServer node = cluster.node(served.equals("node1") ? 1 : 2);
            node.stop();
            b.go("aes.xhtml");
            assertTrue(b.driver().getCurrentUrl().endsWith("/aes.xhtml"), "still logged in: "
                    + b.driver().getCurrentUrl());
            assertTrue(b.visible(By.id("aes:table")).getText().contains("CLUSTERDEST"), "the AE page, served");
            assertTrue(!served.equals(b.driver().manage().getCookieNamed("BEACONNODE").getValue()),
                    "by the other node");
            node.start();
        }
    }

    /**
     * A storage commitment request accepted by node 1, whose report cannot be delivered yet (the modality
     * listens only later); node 1 is killed; node 2 sends the report once the modality listens.
     */
    @Test
    @Order(4)
    void aCommitmentReportPendingOnANodeThatDiesIsSentByAnother() throws Exception {
        Dcmjs.require();
        StandaloneServer node1 = cluster.node(1);
        StandaloneServer node2 = cluster.node(2);
        var ct = Synthetic.ct("CLUCOMMIT", "Commit^Carla", UIDs.createUID(), UIDs.createUID(), 1, 256);
        String sop = ct.getString(Tag.SOPInstanceUID);
        Path file = Synthetic.write(ct, dir.resolve("commit.dcm"));
        Dcmtk.Result stored = Dcmtk.run("storescu", "-aet", "CLUCOMMIT", "-aec", Beacon.AE_TITLE, "127.0.0.1",
                String.valueOf(node1.dicomPort()), file.toString());
        assertEquals(0, stored.exitCode(), stored.output());
        int modalityPort = Dcmtk.freePort();
        var ae = Beacon.call(node1.api(), "POST", "/aes", Json.createObjectBuilder().add("aeTitle", "CLUCOMMIT")
                .add("host", "127.0.0.1").add("port", modalityPort).add("mayCommit", true).build().toString(),
                "admin", Beacon.adminPassword());
        assertEquals(201, ae.statusCode(), ae.body());
        String tx = UIDs.createUID();
        Dcmjs.Committed asked = Dcmjs.commit("CLUCOMMIT", node1.dicomPort(), 0, 0, 1_000, tx,
                List.of(UID.CTImageStorage + "/" + sop));
        assertEquals(0, asked.actionStatus(), asked.output());
        for (int i = 0; i < 200 && Beacon.object(node1.api("GET", "/commitments/" + tx)).getInt("attempts") == 0; i++) {
            Thread.sleep(100);
        }
        JsonObject tried = Beacon.object(node1.api("GET", "/commitments/" + tx));
        assertEquals("REPORTING", tried.getString("state"), tried.toString());
        assertTrue(tried.getInt("attempts") > 0, "node 1 tried to report, the modality not listening: " + tried);
        node1.kill();
        Dcmjs.Committed later = Dcmjs.commit("CLUCOMMIT", node2.dicomPort(), modalityPort, 0, 90_000, "-",
                List.of());
        assertNotNull(later.report(), later.output());
        assertEquals(tx, later.report().getString("transactionUid"));
        assertEquals("new", later.report().getString("how"));
        assertEquals(1, later.report().getInt("eventTypeId"), "committed");
        assertEquals("REPORTED", Beacon.object(node2.api("GET", "/commitments/" + tx)).getString("state"));
    }

    /**
     * Node 1 (killed by the test before) starts again while four storescu runs go through the load balancer
     * (its start-up recovery must not touch what node 2 is receiving); then, with both nodes up, the node
     * holding more of four runs is killed in their middle: the runs it held fail, are sent again through the
     * load balancer and reach the other node; every object is then stored once, its file in place.
     */
    @Test
    @Order(5)
    void killingANodeInTheMiddleOfFourStorescuRunsLosesNothing() throws Exception {
        StandaloneServer node1 = cluster.node(1);
        StandaloneServer node2 = cluster.node(2);
        List<Run> during = runs("RESTART", 4, 20, 256 * 1024);
        List<Process> running = new ArrayList<>();
        for (Run r : during) {
            running.add(storescu(r.folder(), cluster.dicomPort()));
        }
        node1.start();
        for (Process p : running) {
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), out);
            assertFalse(out.contains("Error"), out);
        }
        Thread.sleep(2_500); // HAProxy takes node 1 back after two good checks a second apart

        List<Run> killed = runs("KILL", 4, 100, 256 * 1024);
        running.clear();
        for (Run r : killed) {
            running.add(storescu(r.folder(), cluster.dicomPort()));
        }
        Thread.sleep(1_500);
        // the node holding more of the runs' associations at this moment
        int[] held = {establishedTo(node1.dicomPort()), establishedTo(node2.dicomPort())};
        StandaloneServer victim = held[0] >= held[1] ? node1 : node2;
        StandaloneServer survivor = victim == node1 ? node2 : node1;
        assertTrue(held[0] + held[1] > 0, "runs under way when the node is killed");
        victim.kill();
        List<Run> retried = new ArrayList<>();
        for (int i = 0; i < killed.size(); i++) {
            String out = new String(running.get(i).getInputStream().readAllBytes());
            if (running.get(i).waitFor() != 0 || out.contains("Error")) {
                retried.add(killed.get(i));
            }
        }
        assertFalse(retried.isEmpty(), "the killed node held some of the runs: " + java.util.Arrays.toString(held));
        for (Run r : retried) { // the client tries again: the load balancer knows the node is down by now
            Process again = storescu(r.folder(), cluster.dicomPort());
            String out = new String(again.getInputStream().readAllBytes());
            assertEquals(0, again.waitFor(), out);
            assertFalse(out.contains("Error"), out);
        }
        List<Run> all = new ArrayList<>(during);
        all.addAll(killed);
        for (Run r : all) {
            var instances = Beacon.array(survivor.api("GET", "/series/" + r.series() + "/instances"));
            assertEquals(r.each(), instances.size(), "study " + r.study());
            Set<String> uids = new HashSet<>();
            for (var v : instances) {
                JsonObject i = v.asJsonObject();
                assertTrue(uids.add(i.getString("sopInstanceUid")), "once: " + i);
                Path stored = dir.resolve("storage").resolve(i.getString("path"));
                assertEquals(i.getJsonNumber("size").longValue(), Files.size(stored), "its file: " + stored);
            }
        }
    }

    /** One storescu run's study: {@code each} CTs of one series in {@code folder}. */
    private record Run(String study, String series, Path folder, int each) {
    }

    /** {@code count} runs of {@code each} CTs of {@code pixelBytes} each, written under {@code name}N/. */
    private static List<Run> runs(String name, int count, int each, int pixelBytes) throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            String study = UIDs.createUID();
            String series = UIDs.createUID();
            Path folder = dir.resolve(name.toLowerCase() + r);
            for (int i = 1; i <= each; i++) {
                Synthetic.write(Synthetic.ct(name + r, "Cluster^Carl", study, series, i, pixelBytes),
                        folder.resolve(i + ".dcm"));
            }
            runs.add(new Run(study, series, folder, each));
        }
        return runs;
    }

    /** TCP connections established to {@code port} on this machine now (Linux: /proc/net/tcp and tcp6). */
    private static int establishedTo(int port) throws Exception {
        String local = String.format(":%04X ", port);
        int n = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.strip().split("\\s+");
                if (f.length > 3 && (f[1] + " ").endsWith(local) && f[3].equals("01")) {
                    n++;
                }
            }
        }
        return n;
    }

    /** storescu sending a folder's files on one association, started. */
    private static Process storescu(Path folder, int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("storescu", "+sd", "-aet", "CLUSTERSCU", "-aec", Beacon.AE_TITLE,
                "127.0.0.1", String.valueOf(port), folder.toString()).redirectErrorStream(true);
        pb.environment().put("TCP_NODELAY", "1");
        return pb.start();
    }
}
