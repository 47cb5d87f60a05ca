package org.beaconpacs.archive.it.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two nodes of the cluster variant (wildfly-config's server-ha) on this machine, ports shifted by
 * {@link #OFFSETS}, on one PostgreSQL database and one storage root, behind HAProxy with wildfly-config's
 * sample configuration: the setup of README "Cluster", on one machine.
 */
public final class Cluster implements AutoCloseable {

    public static final int[] OFFSETS = {300, 400};
    private static final int JGROUPS_PORT = 7600;
    private static final int DICOM_PORT = 11112;
    /** The load balancer's ports: DICOM's and HTTP's shifted by this. */
    private static final int LB_OFFSET = 500;

    private final List<StandaloneServer> nodes = new ArrayList<>();
    private final Path dir;
    private final int dicomPort;
    private final int httpPort;
    private Process haproxy;

    /** Skips without HAProxy, fails under CI (CI=true) where .ci/run must have installed it. */
    public static void require() {
        assumeTrue("postgresql".equals(System.getProperty("test.db")), "a cluster shares a PostgreSQL database");
        boolean present = Files.isExecutable(Path.of("/usr/sbin/haproxy"));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("haproxy is missing under CI: .ci/run must install it");
        }
        assumeTrue(present, "HAProxy not installed; skipping the cluster test");
    }

    /** Removes what an earlier run left in {@code dir}. */
    public static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }

    /**
     * Two nodes (not started) on a new database {@code database}, files under {@code dir}, sending their audit
     * trail over TLS to {@code auditPort} on this machine.
     */
    public Cluster(Path dir, String database, int auditPort) throws IOException {
        this.dir = dir;
        EmbeddedPostgresSession.createDatabase(database);
        String members = String.join(",", java.util.Arrays.stream(OFFSETS)
                .mapToObj(o -> "127.0.0.1[" + (JGROUPS_PORT + o) + "]").toList());
        for (int i = 0; i < OFFSETS.length; i++) {
            Map<String, String> env = new HashMap<>();
            env.put("CI", String.valueOf(System.getenv("CI")));
            env.put("BEACON_NODE_NAME", "node" + (i + 1));
            env.put("BEACON_ADMIN_PASSWORD", Beacon.adminPassword());
            // one AE configuration for both: each node's listener is shifted by its port offset (below Linux's
            // ephemeral range, 32768-60999, where a client socket could take a port)
            env.put("BEACON_DICOM_PORT", String.valueOf(DICOM_PORT));
            env.put("BEACON_HL7_PORT", String.valueOf(Mllp.PORT + OFFSETS[i]));
            env.put("BEACON_DB", "postgresql");
            env.put("BEACON_DB_URL", "jdbc:postgresql://127.0.0.1:" + EmbeddedPostgresSession.PORT + "/" + database);
            env.put("BEACON_STORAGE_ROOT", dir.resolve("storage").toString());
            env.put("BEACON_STORAGE_MIN_FREE_MB", "10");
            // a storage commitment report goes on a new association (the cluster test kills the node that
            // accepted the request before the report)
            env.put("BEACON_COMMIT_SAME_ASSOCIATION_SECONDS", "0");
            env.put("BEACON_CLUSTER_MEMBERS", members);
            env.put("BEACON_BIND_ADDRESS", "127.0.0.1");
            env.put("BEACON_AUDIT_HOST", "127.0.0.1");
            env.put("BEACON_AUDIT_PORT", String.valueOf(auditPort));
            env.put("BEACON_AUDIT_PROTOCOL", "tls");
            env.put("BEACON_AUDIT_RETRY_MILLIS", "500");
            env.put("BEACON_TLS_TRUST_STORE", SyslogCollector.pki().resolve("trust.p12").toString());
            env.put("BEACON_TLS_TRUST_STORE_PASSWORD", "changeit");
            nodes.add(new StandaloneServer(Path.of(System.getProperty("test.server.ha")), dir.resolve("node" + (i + 1)),
                    OFFSETS[i], env, true));
        }
        dicomPort = DICOM_PORT + LB_OFFSET;
        httpPort = 8080 + LB_OFFSET;
    }

    /** Starts both nodes at once (their first start on an empty database races on purpose), then HAProxy. */
    public Cluster start() throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> started = new ArrayList<>();
            for (StandaloneServer n : nodes) {
                started.add(starters.submit(() -> {
                    n.start();
                    return null;
                }));
            }
            for (Future<?> f : started) {
                f.get();
            }
        } finally {
            starters.shutdownNow();
        }
        ProcessBuilder pb = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f",
                System.getProperty("test.haproxy.cfg")).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("BEACON_LB_DICOM", "127.0.0.1:" + dicomPort);
        env.put("BEACON_LB_HTTP", "127.0.0.1:" + httpPort);
        env.put("BEACON_LB_HL7", "127.0.0.1:" + hl7Port());
        for (int i = 0; i < nodes.size(); i++) {
            StandaloneServer n = nodes.get(i);
            String prefix = "BEACON_NODE" + (i + 1) + "_";
            env.put(prefix + "HOST", "127.0.0.1");
            env.put(prefix + "DICOM", String.valueOf(n.dicomPort()));
            env.put(prefix + "HTTP", String.valueOf(n.httpPort()));
            env.put(prefix + "MANAGEMENT", String.valueOf(n.managementPort()));
            env.put(prefix + "HL7", String.valueOf(Mllp.PORT + OFFSETS[i]));
        }
        haproxy = pb.start();
        Beacon.awaitListening(dicomPort);
        Thread.sleep(2_500); // HAProxy's first health checks (every second, up after two)
        return this;
    }

    /** Node {@code i}, counted from 1. */
    public StandaloneServer node(int i) {
        return nodes.get(i - 1);
    }

    /** The load balancer's DICOM port. */
    public int dicomPort() {
        return dicomPort;
    }

    /** The load balancer's HL7 (MLLP) port; node n listens at 2575 + its offset. */
    public int hl7Port() {
        return Mllp.PORT + LB_OFFSET;
    }

    /** The load balancer's HTTP port. */
    public int httpPort() {
        return httpPort;
    }

    @Override
    public void close() throws InterruptedException {
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor();
        }
        for (StandaloneServer n : nodes) {
            n.stop();
        }
    }
}
