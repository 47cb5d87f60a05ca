package org.beaconpacs.dicom.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.beaconpacs.dicom.testing.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded mutation fuzzing of the data set parser: 100,000 mutated and truncated versions of the real
 * sample files. Only DicomParseException may escape; the 256 MiB test heap shows memory stays bounded.
 * A failure prints the seed and case number, which reproduce it exactly.
 */
class ParserFuzzTest {

    static final int CASES = 100_000;
    static final long SEED = Long.getLong("fuzz.seed", 0x5EED_BEAC_0DDL);
    private static final int[] INTERESTING_LENGTHS = {0, 1, 2, 3, 0x7F, 0xFF, 0xFFFF, 0x10000, 0x7FFFFFFF,
        0x80000000, 0xFFFFFFFE, 0xFFFFFFFF};

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a safety net against endless loops, not a performance bound
    void mutatedSamplesOnlyEverRaiseDicomParseException() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (Path p : SampleFiles.all()) {
            byte[] b = Files.readAllBytes(p);
            seeds.add(b.length > 48 * 1024 ? Arrays.copyOf(b, 48 * 1024) : b);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        int parseErrors = 0;
        for (int n = 0; n < CASES; n++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            byte[] input = mutate(seed, random);
            try {
                DicomReader reader = new DicomReader(new ByteArrayInputStream(input))
                        .setMaxValueLength(16 << 20);
                reader.readFile();
            } catch (DicomParseException expected) {
                parseErrors++;
            } catch (Throwable t) {
                fail("case " + n + " (seed " + SEED + "): " + t, t);
            }
        }
        System.out.printf("fuzz: %d cases, %d refused with DicomParseException%n", CASES, parseErrors);
    }

    static byte[] mutate(byte[] seed, SplittableRandom r) {
        byte[] b = seed.clone();
        int kind = r.nextInt(6);
        switch (kind) {
            case 0 -> { // flip a few random bytes
                for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
            case 1 -> { // an interesting 32-bit value anywhere (most hit lengths)
                int at = r.nextInt(Math.max(1, b.length - 4));
                int v = INTERESTING_LENGTHS[r.nextInt(INTERESTING_LENGTHS.length)];
                for (int i = 0; i < 4 && at + i < b.length; i++) {
                    b[at + i] = (byte) (v >>> (8 * i));
                }
            }
            case 2 -> { // an interesting 16-bit length
                int at = r.nextInt(Math.max(1, b.length - 2));
                int v = INTERESTING_LENGTHS[r.nextInt(INTERESTING_LENGTHS.length)];
                b[at] = (byte) v;
                if (at + 1 < b.length) {
                    b[at + 1] = (byte) (v >>> 8);
                }
            }
            case 3 -> b = Arrays.copyOf(b, r.nextInt(b.length)); // truncation
            case 4 -> { // duplicate a slice (repeated headers, nested items)
                int from = r.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + r.nextInt(64));
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, from + len);
                System.arraycopy(b, from, out, from + len, b.length - from);
                b = out;
            }
            default -> { // item and delimiter tags sprinkled in
                int at = r.nextInt(Math.max(1, b.length - 4));
                int tag = switch (r.nextInt(3)) {
                    case 0 -> 0xE000FFFE;
                    case 1 -> 0xE00DFFFE;
                    default -> 0xE0DDFFFE;
                };
                for (int i = 0; i < 4 && at + i < b.length; i++) {
                    b[at + i] = (byte) (tag >>> (8 * i));
                }
            }
        }
        return b;
    }
}
