package org.beaconpacs.archive.it.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A second archive the test starts and stops itself (beside the one Arquillian runs): a copy of the
 * provisioned server with its own data, ports shifted by an offset, settings from environment
 * variables, and a {@link #kill()} that is a real kill -9 of its JVM.
 */
public final class StandaloneServer implements AutoCloseable {

    public static final int OFFSET = 200;

    /**
     * The JVM of a test's own server: a test starts it once or twice and stores some hundred objects, so the
     * client compiler alone (no C2 threads competing for the two cores during the boot) and a heap sized for
     * the boot start it in ~13 s instead of ~20 s. The 512 MiB heap is the default server's.
     */
    private static final String SIZING = "-Xms256m -Xmx512m -XX:MetaspaceSize=160M -XX:MaxMetaspaceSize=256m";
    private static final String QUICK_START = "-XX:TieredStopAtLevel=1";

    private final Path home;
    private final int offset;
    private final int dicomShift;
    private final Map<String, String> env;
    private Process process;

    public StandaloneServer(Path home, Map<String, String> env) throws IOException {
        this(Path.of(System.getProperty("jboss.home")), home, OFFSET, ownDatabase(env), false);
    }

    /**
     * A copy of the server at {@code source} with its ports shifted by {@code offset}, on the database
     * {@code env} names.
     *
     * @param clusterNode whether it is the cluster variant, whose DICOM listeners the offset shifts too
     */
    public StandaloneServer(Path source, Path home, int offset, Map<String, String> env, boolean clusterNode)
            throws IOException {
        this.home = home;
        this.offset = offset;
        this.dicomShift = clusterNode ? offset : 0;
        this.env = new HashMap<>(env);
        copy(source, home);
        // the copy must not inherit the Arquillian server's data (but keeps the deployed content)
        try (var data = Files.list(home.resolve("standalone/data"))) {
            for (Path p : data.toList()) {
                if (!p.getFileName().toString().equals("content")) {
                    deleteTree(p);
                }
            }
        }
        deleteTree(home.resolve("standalone/log"));
        deleteTree(home.resolve("standalone/tmp"));
    }

    /** On PostgreSQL, a database of its own: servers of different tests must not share configuration. */
    private static Map<String, String> ownDatabase(Map<String, String> env) {
        Map<String, String> own = new HashMap<>(env);
        if ("postgresql".equals(System.getProperty("test.db"))) {
            String db = "beacon_" + env.get("BEACON_DICOM_PORT");
            EmbeddedPostgresSession.createDatabase(db);
            own.put("BEACON_DB_URL", "jdbc:postgresql://127.0.0.1:" + EmbeddedPostgresSession.PORT + "/" + db);
        }
        return own;
    }

    public Path storageRoot() {
        return home.resolve("standalone/data/beacon/storage");
    }

    public int dicomPort() {
        return Integer.parseInt(env.get("BEACON_DICOM_PORT")) + dicomShift;
    }

    public String api() {
        return "http://127.0.0.1:" + httpPort() + "/beacon/api";
    }

    public int httpPort() {
        return 8080 + offset;
    }

    /** The management port, where MicroProfile Health answers. */
    public int managementPort() {
        return 9990 + offset;
    }

    /** A REST call to this server as its admin. */
    public HttpResponse<String> api(String method, String path) throws IOException, InterruptedException {
        return Beacon.call(api(), method, path, null, "admin", env.get("BEACON_ADMIN_PASSWORD"));
    }

    /**
     * A session on this server's index, for a test to play what a crash leaves behind while the server is
     * down (H2 is a file only one process may open).
     */
    public java.sql.Connection database() throws java.sql.SQLException, IOException {
        String url = env.get("BEACON_DB_URL");
        if (url != null) {
            return java.sql.DriverManager.getConnection(url, "beacon", "beacon");
        }
        // the server's own H2 (its file format is that version's)
        Path jar;
        try (var jars = Files.walk(home.resolve("modules"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("h2-[0-9.]+\\.jar")).findFirst()
                    .orElseThrow(() -> new IOException("no H2 in " + home));
        }
        try {
            java.sql.Driver h2 = (java.sql.Driver) new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()})
                    .loadClass("org.h2.Driver").getConstructor().newInstance();
            java.util.Properties credentials = new java.util.Properties();
            credentials.put("user", "sa");
            credentials.put("password", "sa");
            return h2.connect("jdbc:h2:file:" + home.resolve("standalone/data/beacon/db").toAbsolutePath(),
                    credentials);
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot load H2 from " + jar, e);
        }
    }

    /** Starts the server and waits until its DICOM listener is ready. */
    public void start() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + offset)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        pb.environment().putAll(env);
        // a test that sizes the heap itself keeps its sizing
        pb.environment().put("JBOSS_JAVA_SIZING", env.getOrDefault("JBOSS_JAVA_SIZING", SIZING) + " " + QUICK_START);
        home.resolve("bin/standalone.sh").toFile().setExecutable(true);
        process = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + managementPort() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("dicom-listeners")) {
                    return;
                }
            } catch (IOException notYet) {
                // booting
            }
            if (!process.isAlive()) {
                throw new IOException("the server exited; see " + home.resolve("console.log"));
            }
            Thread.sleep(250);
        }
        throw new IOException("the server was not ready in 3 minutes; see " + home.resolve("console.log"));
    }

    /** kill -9 of the server's JVM (not a shutdown: no hook, no flush, nothing). */
    public void kill() throws InterruptedException {
        List<ProcessHandle> jvm = process.descendants().toList();
        jvm.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        awaitExit(jvm);
        Thread.sleep(500);
    }

    /** An orderly stop. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            // the JVM is the script's child: once the script is gone it is no descendant, and it may still
            // be writing its clean-stop marker; the caller deletes the directory next
            List<ProcessHandle> jvm = process.descendants().toList();
            jvm.forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor();
            awaitExit(jvm);
        }
    }

    /** Waits for each process to end; one still there after a minute is killed. */
    private static void awaitExit(List<ProcessHandle> processes) throws InterruptedException {
        for (ProcessHandle p : processes) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                p.destroyForcibly();
                p.onExit().join();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
