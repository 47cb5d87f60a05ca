package org.beaconpacs.archive.it.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Checks on stored files, computed independently of the archive's code. */
public final class StoredFiles {

    private StoredFiles() {
    }

    /** SHA-256 of a Part 10 file's data set: what follows the meta group, whose length is at offset 140. */
    public static String datasetSha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(144);
            long groupLength = (head[140] & 0xFFL) | (head[141] & 0xFFL) << 8 | (head[142] & 0xFFL) << 16
                    | (head[143] & 0xFFL) << 24;
            in.skipNBytes(groupLength);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The files in {@code .incoming} under {@code root} that hold something, once a round of the archive's
     * pending names has run (at most 2 s): a per-object store keeps empty slots there ahead of its receptions,
     * and a stored object's slot for up to 100 ms; anything else is a temporary file left behind.
     */
    public static List<Path> temporaryLeftovers(Path root) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (true) {
            List<Path> left;
            try (Stream<Path> files = Files.list(root.resolve(".incoming"))) {
                left = files.filter(f -> Files.isRegularFile(f) && f.toFile().length() > 0).toList();
            }
            if (left.isEmpty() || System.nanoTime() > deadline) {
                return left;
            }
            Thread.sleep(50);
        }
    }
}
