package org.beaconpacs.archive.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Per-object durability with one flush per object: temporary files in {@code .incoming} whose names are
 * durable before a data set is written into them. A store writes its data set into a slot, marks the slot
 * and fsyncs it once: data, size and mark reach the disk together, and from then on the object survives a
 * power loss under the slot's name while its final name waits for {@link PendingNames}' next directory
 * fsync. The mark, an extended attribute, holds the reception day (the first folder of the object's path;
 * the rest comes from its UIDs) and the data set's digest: after a crash, a marked slot whose content
 * matches its digest was fsync'd whole (perhaps acknowledged) and goes back into its place
 * (StorageRecovery); anything else in {@code .incoming} was never acknowledged. Slots are made in batches,
 * one directory fsync naming many, on another thread while enough are left: a reception waits for a batch
 * only when the stores outran it.
 * <p>
 * The mark is kept small (a day, the algorithm's name and the raw digest) so that it fits in the inode's
 * own space on ext4, with no extra block per file. A file system without user extended attributes gets
 * no slots: the store then fsyncs the placed file's directory itself (two flushes per object).
 */
public final class IncomingSlots {

    private static final Logger LOG = Logger.getLogger(IncomingSlots.class.getName());
    /** The extended attribute's name ({@code user.beacon.object} on Linux). */
    private static final String MARK = "beacon.object";
    private static final int BATCH = 64;
    /** Fewer free slots than this: the next batch is made on another thread. */
    private static final int LOW = 32;

    private final Path incoming;
    private final Executor maker;
    private final ConcurrentLinkedQueue<Path> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger available = new AtomicInteger();
    private final AtomicBoolean makingAhead = new AtomicBoolean();
    private final ReentrantLock making = new ReentrantLock();

    private IncomingSlots(Path incoming, Executor maker) {
        this.incoming = incoming;
        this.maker = maker;
    }

    /**
     * Slots in {@code incoming}, made ahead on {@code maker}'s threads; null where its file system keeps no
     * user extended attributes.
     */
    static IncomingSlots in(Path incoming, Executor maker) {
        Path probe = incoming.resolve("probe-" + UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(incoming);
            Files.createFile(probe);
            mark(probe, new Mark(LocalDate.now(), "SHA-256", new byte[32]));
            if (markOf(probe) == null) {
                throw new IOException("the mark written cannot be read back");
            }
            return new IncomingSlots(incoming, maker);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.info(() -> incoming + " keeps no user extended attributes (" + e + "): each stored object's "
                    + "directory is fsync'd with it");
            return null;
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // a leftover in .incoming goes at the next start
            }
        }
    }

    /** An empty file whose name is durable; the caller writes into it and removes it when done. */
    Path take() throws IOException {
        for (Path slot = free.poll(); ; slot = free.poll()) {
            if (slot != null) {
                if (available.decrementAndGet() < LOW && makingAhead.compareAndSet(false, true)) {
                    try {
                        maker.execute(this::makeAhead);
                    } catch (RejectedExecutionException stopping) {
                        makingAhead.set(false); // the store that finds none left makes them
                    }
                }
                return slot;
            }
            making.lock(); // none left: this store makes a batch, or waits for the one being made
            try {
                if (free.isEmpty()) {
                    make();
                }
            } finally {
                making.unlock();
            }
        }
    }

    private void makeAhead() {
        making.lock();
        try {
            if (available.get() < LOW) {
                make();
            }
        } catch (IOException | RuntimeException e) {
            // the store that finds none left makes them itself, and answers a failure if it cannot
            LOG.warning(() -> "cannot make slots in " + incoming + " ahead: " + e);
        } finally {
            makingAhead.set(false);
            making.unlock();
        }
    }

    /** A batch of slots, named durably by one fsync of {@code .incoming}. */
    private void make() throws IOException {
        Files.createDirectories(incoming); // someone may have removed it
        List<Path> made = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            Path slot = incoming.resolve(UUID.randomUUID() + ".part");
            Files.createFile(slot);
            made.add(slot);
        }
        fsyncDirectory(incoming);
        free.addAll(made);
        available.addAndGet(made.size());
    }

    /** The day, digest algorithm and digest of the data set a slot holds: written before its fsync. */
    record Mark(LocalDate day, String algorithm, byte[] digest) {

        Mark(LocalDate day, String algorithm, String hexDigest) {
            this(day, algorithm, HexFormat.of().parseHex(hexDigest));
        }

        String hexDigest() {
            return HexFormat.of().formatHex(digest);
        }
    }

    static void mark(Path slot, Mark m) throws IOException {
        byte[] head = (String.format("%04d%02d%02d", m.day().getYear(), m.day().getMonthValue(),
                m.day().getDayOfMonth()) + m.algorithm() + '\n').getBytes(StandardCharsets.US_ASCII);
        ByteBuffer value = ByteBuffer.allocate(head.length + m.digest().length).put(head).put(m.digest()).flip();
        view(slot).write(MARK, value);
    }

    /** The mark of {@code file}, or null when it has none (or one that is not ours). */
    static Mark markOf(Path file) throws IOException {
        UserDefinedFileAttributeView view = view(file);
        if (!view.list().contains(MARK)) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(view.size(MARK));
        view.read(MARK, b);
        byte[] v = b.flip().array();
        int nl = -1;
        for (int i = 8; i < v.length && nl < 0; i++) {
            nl = v[i] == '\n' ? i : -1;
        }
        if (nl < 0) {
            return null;
        }
        try {
            String day = new String(v, 0, 8, StandardCharsets.US_ASCII);
            return new Mark(LocalDate.of(Integer.parseInt(day.substring(0, 4)), Integer.parseInt(day.substring(4, 6)),
                    Integer.parseInt(day.substring(6, 8))), new String(v, 8, nl - 8, StandardCharsets.US_ASCII),
                    Arrays.copyOfRange(v, nl + 1, v.length));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static UserDefinedFileAttributeView view(Path file) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        if (view == null) {
            throw new IOException("no user extended attributes on " + file);
        }
        return view;
    }

    /** fsync of a file: its data, size and extended attributes. */
    static void fsyncFile(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** fsync of a directory: the names it holds. */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
