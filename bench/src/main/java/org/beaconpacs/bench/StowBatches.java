package org.beaconpacs.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes STOW-RS request bodies: the Part 10 files of a directory, {@code size} a batch, each batch one
 * {@code multipart/related; type="application/dicom"} body with the boundary {@value #BOUNDARY}, so that
 * any HTTP client (curl) can send them unchanged to every target.
 *
 * <p>Usage: {@code StowBatches <files-directory> <batch-directory> <size>}
 */
public final class StowBatches {

    static final String BOUNDARY = "beacon-bench-boundary";

    private StowBatches() {
    }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int size = Integer.parseInt(args[2]);
        Files.createDirectories(out);
        List<Path> files;
        try (Stream<Path> s = Files.list(in)) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        for (int b = 0; b * size < files.size(); b++) {
            try (OutputStream body = new BufferedOutputStream(Files.newOutputStream(out.resolve(String.format(
                    "batch%04d.mime", b))), 1 << 20)) {
                for (Path f : files.subList(b * size, Math.min(files.size(), (b + 1) * size))) {
                    body.write(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    Files.copy(f, body);
                    body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
    }
}
