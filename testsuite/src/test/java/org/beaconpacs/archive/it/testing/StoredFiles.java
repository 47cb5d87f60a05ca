package org.beaconpacs.archive.it.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
}
