package org.beaconpacs.dicom.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs independent command-line tools (DCMTK) from tests. */
public final class Tools {

    /** What a tool printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private Tools() {
    }

    /** Skips (or fails under CI) when {@code tool} is not on /usr/bin. */
    public static void require(String tool) {
        SampleFiles.require(Files.isExecutable(Path.of("/usr/bin", tool)), "DCMTK tool " + tool);
    }

    public static Result run(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tool", ".out");
        Path err = Files.createTempFile("tool", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
