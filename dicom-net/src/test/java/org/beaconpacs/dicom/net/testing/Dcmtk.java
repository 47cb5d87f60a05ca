package org.beaconpacs.dicom.net.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs DCMTK tools from tests; skips where DCMTK is absent, fails under CI (CI=true). */
public final class Dcmtk {

    /** What a tool printed and returned. */
    public record Result(int exitCode, String output) {
    }

    private Dcmtk() {
    }

    public static void require(String tool) {
        boolean present = Files.isExecutable(Path.of("/usr/bin", tool));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("DCMTK " + tool + " is missing under CI: .ci/run must install dcmtk");
        }
        assumeTrue(present, "DCMTK " + tool + " not installed; skipping");
    }

    /** Runs a DCMTK tool with TCP_NODELAY=1 (Debian's build leaves Nagle on otherwise). */
    public static Result run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("TCP_NODELAY", "1");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    public static Process start(String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TCP_NODELAY", "1");
        return pb.start();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public static List<String> args(String... fixed) {
        return new ArrayList<>(List.of(fixed));
    }
}
