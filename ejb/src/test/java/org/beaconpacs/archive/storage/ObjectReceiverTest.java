package org.beaconpacs.archive.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60) // a digest alongside that never ends would hang a reception
class ObjectReceiverTest {

    @TempDir
    Path incoming;

    /** Reads at most {@code chunk} bytes per call, like an association handing over PDVs. */
    private static InputStream chunked(byte[] data, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    /** The digest's other thread, when alongside: counted, and checked to end with each test. */
    private ExecutorService threads;
    private final AtomicInteger digestsAlongside = new AtomicInteger();

    @AfterEach
    void noDigestThreadIsLeftWaiting() throws InterruptedException {
        if (threads != null) {
            threads.shutdown();
            assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS), "the digest thread ended");
        }
    }

    private ObjectReceiver receiver(String algorithm, boolean alongside) {
        if (!alongside) {
            return new ObjectReceiver(incoming, algorithm, null);
        }
        threads = Executors.newSingleThreadExecutor();
        Executor counting = task -> {
            digestsAlongside.incrementAndGet();
            threads.execute(task);
        };
        return new ObjectReceiver(incoming, algorithm, counting, Integer.MAX_VALUE);
    }

    @ParameterizedTest(name = "digest alongside: {0}")
    @ValueSource(booleans = {false, true})
    void theFileHoldsOurMetaGroupThenTheDataSetAsReceivedWithItsDigest(boolean alongside) throws Exception {
        // larger than the receive buffer, in odd pieces: the buffer is filled and written several times
        byte[] dataset = random(700_001);
        ReceivedObject r = receiver("SHA-256", alongside).receive(false, UID.CTImageStorage, "1.2.3.4",
                UID.ExplicitVRLittleEndian, "MODALITY", "BEACON", chunked(dataset, 16_381));
        assertEquals(alongside ? 1 : 0, digestsAlongside.get());
        String digest = r.digest().get();
        r.close();

        byte[] file = Files.readAllBytes(r.temporary());
        assertEquals(file.length, r.size());
        long offset = ObjectReceiver.datasetOffset(r.temporary());
        assertArrayEquals(dataset, Arrays.copyOfRange(file, (int) offset, file.length));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(dataset)), digest);
        assertEquals(digest, ObjectReceiver.digestOf(r.temporary(), "SHA-256"));
        try (DicomReader reader = DicomReader.open(r.temporary())) {
            Attributes meta = reader.readFileMetaInformation();
            assertEquals("1.2.3.4", meta.getString(Tag.MediaStorageSOPInstanceUID));
            assertEquals(UID.ExplicitVRLittleEndian, meta.getString(Tag.TransferSyntaxUID));
            assertEquals("MODALITY", meta.getString(Tag.SourceApplicationEntityTitle));
            assertEquals("BEACON", meta.getString(Tag.ReceivingApplicationEntityTitle));
        }
    }

    @Test
    void manyObjectsInARowEachGetTheirOwnDigestAlongside() throws Exception {
        ObjectReceiver receiver = receiver("SHA-256", true);
        for (int size : new int[] {0, 1, 131_072, 131_073, 524_288, 526_400, 2_000_000}) {
            byte[] dataset = random(size);
            try (ReceivedObject r = receiver.receive(false, UID.CTImageStorage, "1.2.3." + size,
                    UID.ExplicitVRLittleEndian, "MODALITY", "BEACON", chunked(dataset, 65_536))) {
                String digest = r.digest().get(); // asked after the reception returned, as the store does
                assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(dataset)), digest,
                        size + " bytes");
                assertEquals(digest, ObjectReceiver.digestOf(r.temporary(), "SHA-256"));
            }
        }
        assertEquals(5, digestsAlongside.get(), "no thread for a data set within one chunk (128 KiB)");
    }

    @Test
    void aServerStoppingDigestsInlineWhatArrivesThen() throws Exception {
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown(); // takes no more work, as at undeploy
        ObjectReceiver receiver = new ObjectReceiver(incoming, "SHA-256", stopped, Integer.MAX_VALUE);
        byte[] dataset = random(2_000_000); // many more chunks than buffers: each comes back for the next
        try (ReceivedObject r = receiver.receive(false, UID.CTImageStorage, "1.2.3.6", UID.ExplicitVRLittleEndian,
                "MODALITY", "BEACON", chunked(dataset, 65_536))) {
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(dataset)),
                    r.digest().get());
            assertEquals(dataset.length, Files.size(r.temporary()) - ObjectReceiver.datasetOffset(r.temporary()));
        }
    }

    @Test
    void aDigestFinishesOnItsOwnWhileItsStoreDoesOtherWork() throws Exception {
        // one digest thread: another reception's digest runs only once the first one's has ended
        ObjectReceiver receiver = receiver("SHA-256", true);
        byte[] first = random(2_000_000);
        try (ReceivedObject a = receiver.receive(false, UID.CTImageStorage, "1.2.3.7", UID.ExplicitVRLittleEndian,
                "MODALITY", "BEACON", chunked(first, 65_536))) {
            // its store parses, waits for its study's lock... before it asks; another association receives
            byte[] second = random(1_000_000);
            try (ReceivedObject b = receiver.receive(false, UID.CTImageStorage, "1.2.3.8",
                    UID.ExplicitVRLittleEndian, "MODALITY", "BEACON", chunked(second, 65_536))) {
                assertEquals(sha256(second), b.digest().get());
            }
            assertEquals(sha256(first), a.digest().get());
        }
        // a store that gave up (a data set that cannot be parsed) never asks: the next digest is right
        receiver.receive(false, UID.CTImageStorage, "1.2.3.9", UID.ExplicitVRLittleEndian, "MODALITY", "BEACON",
                chunked(random(500_000), 65_536)).close();
        byte[] third = random(700_000);
        try (ReceivedObject c = receiver.receive(false, UID.CTImageStorage, "1.2.3.10", UID.ExplicitVRLittleEndian,
                "MODALITY", "BEACON", chunked(third, 65_536))) {
            assertEquals(sha256(third), c.digest().get());
        }
        assertEquals(4, digestsAlongside.get());
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @ParameterizedTest(name = "digest alongside: {0}")
    @ValueSource(booleans = {false, true})
    void anAssociationLostMidwayLeavesNoFileAndItsErrorIsNotAWriteFailure(boolean alongside) throws Exception {
        byte[] dataset = random(600_000);
        InputStream dying = new FilterInputStream(chunked(dataset, 65_536)) {
            private int reads;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (++reads == 5) {
                    throw new IOException("association aborted");
                }
                return super.read(b, off, len);
            }
        };
        ObjectReceiver receiver = receiver("MD5", alongside);
        IOException e = assertThrows(IOException.class, () -> receiver.receive(false, UID.CTImageStorage,
                "1.2.3.5", UID.ExplicitVRLittleEndian, "MODALITY", "BEACON", dying));
        assertFalse(e instanceof ObjectReceiver.StorageWriteException, "a read failure is not answered 0xA700");
        try (Stream<Path> left = Files.list(incoming)) {
            assertEquals(0, left.count(), "no half-written file stays");
        }
    }
}
