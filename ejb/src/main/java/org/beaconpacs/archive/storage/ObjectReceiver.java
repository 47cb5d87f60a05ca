package org.beaconpacs.archive.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.FileMetaInformation;

/**
 * Streams a C-STORE data set into a temporary Part 10 file, exactly as received (no transcoding), with
 * our meta group in front, computing the digest of the data set on the way (not of the meta group, which
 * names who sent it: the same object sent twice has the same digest). Nothing is held in memory but a
 * buffer, or two when the digest runs alongside ({@link ChunkDigest}).
 */
public final class ObjectReceiver {

    private static final int BUFFER = 256 * 1024;
    /** Buffers kept between objects; more concurrent stores than this allocate their own. */
    private static final BlockingQueue<byte[]> BUFFERS = new ArrayBlockingQueue<>(16);
    /** Receptions in progress on this server: with a core to spare, the digest runs alongside. */
    private static final AtomicInteger RECEIVING = new AtomicInteger();

    private final Path incoming;
    private final String digestAlgorithm;
    private final Executor digestThreads;
    private final int cores;

    /** Receives into {@code incoming}; {@code digestThreads} digest alongside (null: always inline). */
    ObjectReceiver(Path incoming, String digestAlgorithm, Executor digestThreads) {
        this(incoming, digestAlgorithm, digestThreads, Runtime.getRuntime().availableProcessors());
    }

    /** With a digest alongside while fewer than {@code cores} receptions are in progress. */
    ObjectReceiver(Path incoming, String digestAlgorithm, Executor digestThreads, int cores) {
        this.incoming = incoming;
        this.digestAlgorithm = digestAlgorithm;
        this.digestThreads = digestThreads;
        this.cores = cores;
    }

    /**
     * Receives {@code data} into a new file; fsyncs it when {@code force}. On any failure (the association
     * aborted mid-way, a full disk) the file is deleted and the error thrown. The digest may still be
     * finishing: the caller closes the result when done with it (see PendingDigest).
     */
    ReceivedObject receive(boolean force, String sopClass, String sopInstance, String transferSyntax,
                           String callingAe, String calledAe, InputStream data) throws IOException {
        return receive(null, force, sopClass, sopInstance, transferSyntax, callingAe, calledAe, data);
    }

    /**
     * As above, into {@code slot} (an empty file of {@link IncomingSlots}) when not null, else into a new
     * temporary file.
     */
    ReceivedObject receive(Path slot, boolean force, String sopClass, String sopInstance, String transferSyntax,
                           String callingAe, String calledAe, InputStream data) throws IOException {
        boolean counted = digestThreads != null;
        boolean alongside = counted && RECEIVING.incrementAndGet() < cores;
        try {
            MessageDigest digest = digest(digestAlgorithm);
            byte[][] buffers = alongside ? new byte[][] {take(), take()} : new byte[][] {take()};
            ChunkDigest chunks = alongside ? ChunkDigest.alongside(digest, digestThreads, buffers)
                    : ChunkDigest.inline(digest, buffers[0]);
            PendingDigest pending = new PendingDigest(chunks, buffers);
            try {
                return receive(slot, chunks, pending, force, sopClass, sopInstance, transferSyntax, callingAe,
                        calledAe, data);
            } catch (IOException | RuntimeException | Error e) {
                pending.close();
                throw e;
            }
        } finally {
            if (counted) {
                RECEIVING.decrementAndGet();
            }
        }
    }

    private ReceivedObject receive(Path slot, ChunkDigest chunks, PendingDigest pending, boolean force,
                                   String sopClass, String sopInstance, String transferSyntax, String callingAe,
                                   String calledAe, InputStream data) throws IOException {
        Path temporary = slot != null ? slot : incoming.resolve(UUID.randomUUID() + ".part");
        try (FileChannel channel = slot != null ? FileChannel.open(slot, StandardOpenOption.WRITE)
                : create(temporary)) {
            ByteArrayOutputStream meta = new ByteArrayOutputStream(512);
            try (DicomWriter w = new DicomWriter(meta, 1024)) { // the meta group only
                w.writeFileMetaInformation(FileMetaInformation.create(sopClass, sopInstance, transferSyntax,
                        callingAe, callingAe, calledAe));
            }
            write(channel, meta.toByteArray(), 0, meta.size());
            // the association reads straight into the chunk: one copy from the socket, then the file
            for (ChunkDigest.Chunk c = chunks.next(); ; c = chunks.next()) {
                int n = fill(data, c.bytes(), c.offset(), c.capacity());
                if (n == 0) {
                    break;
                }
                chunks.add(c, n);
                write(channel, c.bytes(), c.offset(), n);
            }
            chunks.finish();
            if (force) {
                try {
                    channel.force(true);
                } catch (IOException e) {
                    throw new StorageWriteException(e);
                }
            }
            return new ReceivedObject(temporary, channel.size(), pending, transferSyntax);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** A new temporary file; its folder is made at start, and again if someone removed it since. */
    private static FileChannel create(Path temporary) throws IOException {
        try {
            return FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            Files.createDirectories(temporary.getParent());
            return FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /** Reads until {@code length} bytes are in or the data set ends; the count read, 0 at its end. */
    private static int fill(InputStream data, byte[] buffer, int offset, int length) throws IOException {
        int n = 0;
        for (int r; n < length && (r = data.read(buffer, offset + n, length - n)) > 0; ) {
            n += r;
        }
        return n;
    }

    /** Every write to the disk passes here: a full disk is told apart from a lost association. */
    private static void write(FileChannel channel, byte[] bytes, int offset, int length)
            throws StorageWriteException {
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, length);
        try {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } catch (IOException e) {
            throw new StorageWriteException(e);
        }
    }

    /** A receive buffer from the pool (a new one when all are in use): no 256 KiB allocation per object. */
    private static byte[] take() {
        byte[] b = BUFFERS.poll();
        return b != null ? b : new byte[BUFFER];
    }

    /** Buffers back to the pool, once nothing reads them any more. */
    static void giveBack(byte[][] buffers) {
        for (byte[] b : buffers) {
            BUFFERS.offer(b);
        }
    }

    /** A failure to write the file (not to read the association): the caller answers 0xA700 for it. */
    static final class StorageWriteException extends IOException {
        StorageWriteException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Where the data set of a Part 10 file starts: after the preamble, "DICM" and the meta group, whose
     * length the (0002,0000) element at offset 132 gives (PS3.10 7.1).
     */
    static long datasetOffset(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(144);
            if (head.length < 144 || head[128] != 'D' || head[129] != 'I' || head[130] != 'C' || head[131] != 'M'
                    || head[132] != 2 || head[133] != 0 || head[134] != 0 || head[135] != 0) {
                throw new IOException(file + " is not a Part 10 file with a meta group length");
            }
            long groupLength = (head[140] & 0xFFL) | (head[141] & 0xFFL) << 8 | (head[142] & 0xFFL) << 16
                    | (head[143] & 0xFFL) << 24;
            return 144 + groupLength;
        }
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("digest algorithm " + algorithm + " is not available", e);
        }
    }

    /** The digest of {@code file}'s data set (what follows the File Meta Information), as at reception. */
    public static String digestOf(Path file, String algorithm) throws IOException {
        MessageDigest digest = digest(algorithm);
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(datasetOffset(file));
            byte[] buf = take();
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    digest.update(buf, 0, n);
                }
            } finally {
                BUFFERS.offer(buf);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
