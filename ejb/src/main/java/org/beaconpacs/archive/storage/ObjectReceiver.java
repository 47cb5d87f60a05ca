package org.beaconpacs.archive.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.FileMetaInformation;

/**
 * Streams a C-STORE data set into a temporary Part 10 file, exactly as received (no transcoding), with
 * our meta group in front, computing the digest on the way. Nothing is held in memory but a buffer.
 */
final class ObjectReceiver {

    private static final int BUFFER = 256 * 1024;

    private ObjectReceiver() {
    }

    /**
     * Receives {@code data} into a new file in {@code incoming}; fsyncs it when {@code force}. On any
     * failure (the association aborted mid-way, a full disk) the file is deleted and the error thrown.
     */
    static ReceivedObject receive(Path incoming, String digestAlgorithm, boolean force, String sopClass,
                                  String sopInstance, String transferSyntax, String callingAe, String calledAe,
                                  InputStream data) throws IOException {
        Files.createDirectories(incoming);
        Path temporary = incoming.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = digest(digestAlgorithm);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            OutputStream out = new DigestOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER), digest);
            DicomWriter meta = new DicomWriter(out);
            meta.writeFileMetaInformation(FileMetaInformation.create(sopClass, sopInstance, transferSyntax,
                    callingAe, callingAe, calledAe));
            meta.flush();
            data.transferTo(out);
            out.flush();
            if (force) {
                channel.force(true);
            }
            return new ReceivedObject(temporary, channel.size(), HexFormat.of().formatHex(digest.digest()),
                    transferSyntax);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("digest algorithm " + algorithm + " is not available", e);
        }
    }

    /** The digest of a whole file, as stored in the index. */
    static String digestOf(Path file, String algorithm) throws IOException {
        MessageDigest digest = digest(algorithm);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
