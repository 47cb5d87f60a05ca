package org.beaconpacs.archive.it.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beaconpacs.dicom.net.testing.Dcmtk;

/**
 * Node's dcmjs-dimse as an independent peer (where DCMTK 3.6.7 has none: it knows no transfer syntax newer
 * than 2022). Installed by .ci/run into {@code src/test/node}; skips where absent, fails under CI.
 */
public final class Dcmjs {

    private static final Path HOME = Path.of("src/test/node").toAbsolutePath();

    private Dcmjs() {
    }

    public static void require() {
        boolean present = Files.isDirectory(HOME.resolve("node_modules/dcmjs-dimse"))
                && Files.isExecutable(Path.of("/usr/bin/node"));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("dcmjs-dimse is missing under CI: .ci/run must run npm ci --prefix testsuite/src/test/node");
        }
        assumeTrue(present, "dcmjs-dimse not installed (npm ci --prefix testsuite/src/test/node); skipping");
    }

    /**
     * The npm dicomweb-client (OHIF's) stores {@code file} by STOW-RS with a bearer token, then finds and
     * retrieves it (dicomweb.js); what came back, as JSON.
     */
    public static jakarta.json.JsonObject dicomweb(String root, String token, Path file, String study, String series,
                                                   String instance) throws IOException, InterruptedException {
        boolean present = Files.isDirectory(HOME.resolve("node_modules/dicomweb-client"));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("dicomweb-client is missing under CI: .ci/run must run npm ci --prefix testsuite/src/test/node");
        }
        assumeTrue(present, "dicomweb-client not installed (npm ci --prefix testsuite/src/test/node); skipping");
        Dcmtk.Result r = Dcmtk.run("/usr/bin/node", HOME.resolve("dicomweb.js").toString(), root, token,
                file.toString(), study, series, instance);
        if (r.exitCode() != 0) {
            throw new IOException("dicomweb-client failed (" + r.exitCode() + "): " + r.output());
        }
        String[] lines = r.output().strip().split("\n");
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(lines[lines.length - 1]))) {
            return reader.readObject();
        }
    }

    /** Sends {@code files} on one association; the statuses, one a file, as dcmjs-dimse heard them. */
    public static List<Integer> store(String callingAe, String calledAe, int port, Path... files)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/node", HOME.resolve("storescu.js").toString(),
                Beacon.HOST, String.valueOf(port), calledAe, callingAe));
        for (Path f : files) {
            cmd.add(f.toString());
        }
        Dcmtk.Result r = Dcmtk.run(cmd.toArray(String[]::new));
        if (r.exitCode() != 0) {
            throw new IOException("dcmjs-dimse failed (" + r.exitCode() + "): " + r.output());
        }
        String[] lines = r.output().strip().split("\n");
        List<Integer> statuses = new ArrayList<>();
        for (String s : lines[lines.length - 1].strip().split(" ")) {
            if (!s.isEmpty()) {
                statuses.add(Integer.decode(s));
            }
        }
        return statuses;
    }

    /** What a dcmjs-dimse C-FIND heard: each match as JSON (naturalized keywords), and the final status. */
    public record Found(List<jakarta.json.JsonObject> matches, int status) {
    }

    /** A Study Root C-FIND at {@code level} with {@code keys} (JSON, naturalized keywords) from dcmjs-dimse. */
    public static Found find(String callingAe, String calledAe, int port, String level, String keys)
            throws IOException, InterruptedException {
        Dcmtk.Result r = Dcmtk.run("/usr/bin/node", HOME.resolve("findscu.js").toString(), Beacon.HOST,
                String.valueOf(port), calledAe, callingAe, level, keys);
        if (r.exitCode() != 0) {
            throw new IOException("dcmjs-dimse failed (" + r.exitCode() + "): " + r.output());
        }
        List<jakarta.json.JsonObject> matches = new ArrayList<>();
        String status = null;
        for (String line : r.output().strip().split("\n")) {
            if (line.startsWith("{")) {
                try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(line))) {
                    matches.add(reader.readObject());
                }
            } else if (line.startsWith("0x")) {
                status = line.strip();
            }
        }
        if (status == null) {
            throw new IOException("dcmjs-dimse heard no final status: " + r.output());
        }
        return new Found(matches, Integer.decode(status));
    }

    /** What a dcmjs-dimse Storage Commitment SCU heard: the N-ACTION-RSP status, and the report (null if none). */
    public record Committed(int actionStatus, jakarta.json.JsonObject report, String output) {
    }

    /**
     * A Storage Commitment request from dcmjs-dimse as {@code callingAe} for {@code instances} (each
     * "classUid/instanceUid"): it lingers {@code lingerMillis} on its association after the N-ACTION-RSP and,
     * when {@code listenPort} is not 0, listens there for a report on a new association; it waits for a
     * report at most {@code waitMillis}. A {@code transactionUid} of "-" sends no request: it only listens.
     */
    public static Committed commit(String callingAe, int port, int listenPort, long lingerMillis, long waitMillis,
                                   String transactionUid, List<String> instances)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/node", HOME.resolve("commit.js").toString(), Beacon.HOST,
                String.valueOf(port), Beacon.AE_TITLE, callingAe, String.valueOf(listenPort),
                String.valueOf(lingerMillis), String.valueOf(waitMillis), transactionUid));
        cmd.addAll(instances);
        Dcmtk.Result r = Dcmtk.run(cmd.toArray(String[]::new));
        Integer status = null;
        jakarta.json.JsonObject report = null;
        for (String line : r.output().strip().split("\n")) {
            if (line.startsWith("NACTION ")) {
                status = Integer.decode(line.substring(8).strip());
            } else if (line.startsWith("REPORT ")) {
                try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(line.substring(7)))) {
                    report = reader.readObject();
                }
            }
        }
        if (status == null && !"-".equals(transactionUid)) {
            throw new IOException("dcmjs-dimse heard no N-ACTION-RSP (" + r.exitCode() + "): " + r.output());
        }
        return new Committed(status == null ? -1 : status, report, r.output());
    }

    /**
     * dcmjs-dimse as a Storage Commitment SCP (a long-term archive, {@code commit-scp.js}) listening on
     * {@code port}: in {@code mode} "same" it reports on the request's association (first a report of an
     * unknown transaction, then the real one, {@code failed} instances failing with 0x0112); in "silent"
     * it never reports. Runs until the archive releases its association.
     */
    public static CommitmentScp commitmentScp(Path dir, int port, String mode, List<String> failed)
            throws IOException, InterruptedException {
        require();
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/node", HOME.resolve("commit-scp.js").toString(),
                String.valueOf(port), mode));
        cmd.addAll(failed);
        Path log = dir.resolve("commit-scp-" + port + ".log");
        Process p = new ProcessBuilder(cmd).directory(HOME.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        CommitmentScp scp = new CommitmentScp(p, log);
        for (int i = 0; i < 100 && !scp.log().contains("LISTENING"); i++) {
            Thread.sleep(100);
        }
        if (!Beacon.listening(port)) {
            Thread.sleep(300);
        }
        return scp;
    }

    /** A running {@link #commitmentScp} and what it printed. */
    public record CommitmentScp(Process process, Path logFile) implements AutoCloseable {

        public String log() throws IOException {
            return Files.exists(logFile) ? Files.readString(logFile) : "";
        }

        /** What it printed once it has exited (at most 30 s from now). */
        public String output() throws IOException, InterruptedException {
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            return log();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    /**
     * MPPS requests from dcmjs-dimse as {@code callingAe} on one association, for SOP Instance {@code uid}:
     * each step "create:FILE" (N-CREATE) or "set:FILE" (N-SET), FILE a JSON data set of DICOM keywords; the
     * response lines, "NCREATE 0x0000" / "NSET 0x0110 comment".
     */
    public static List<String> mpps(String callingAe, String uid, String... steps) throws IOException,
            InterruptedException {
        require();
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/node", HOME.resolve("mpps.js").toString(), Beacon.HOST,
                String.valueOf(Beacon.dicomPort()), Beacon.AE_TITLE, callingAe, uid));
        cmd.addAll(List.of(steps));
        Dcmtk.Result r = Dcmtk.run(cmd.toArray(String[]::new));
        if (r.exitCode() != 0) {
            throw new IOException("dcmjs-dimse failed (" + r.exitCode() + "): " + r.output());
        }
        return r.output().lines().filter(l -> l.startsWith("NCREATE") || l.startsWith("NSET")).toList();
    }

    /**
     * A print SCU session of dcmjs-dimse following {@code plan} (see print.js): the lines it printed, one per
     * response ("NCREATE FILMBOX 0x0000"), job ("JOB uid"), event ("EVENT {json}") or N-GET answer.
     */
    public static List<String> print(String callingAe, Path plan) throws IOException, InterruptedException {
        return print(callingAe, Beacon.dicomPort(), plan);
    }

    /** The same, to the archive listening on {@code port}. */
    public static List<String> print(String callingAe, int port, Path plan) throws IOException,
            InterruptedException {
        require();
        Dcmtk.Result r = Dcmtk.run("/usr/bin/node", HOME.resolve("print.js").toString(), Beacon.HOST,
                String.valueOf(port), Beacon.AE_TITLE, callingAe, plan.toString());
        if (r.exitCode() != 0) {
            throw new IOException("dcmjs-dimse failed (" + r.exitCode() + "): " + r.output());
        }
        return r.output().lines().filter(l -> l.matches("^(N[A-Z]+ |JOB |EVENT |GET |IMAGEBOXES |ABORT).*")).toList();
    }
}
