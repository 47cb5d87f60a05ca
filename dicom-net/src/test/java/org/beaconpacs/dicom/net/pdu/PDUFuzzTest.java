package org.beaconpacs.dicom.net.pdu;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.beaconpacs.dicom.dict.UID;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the PDU reader and decoders: 100,000 mutated PDUs; only ProtocolException
 * may escape. A failure names the seed and case, which reproduce it.
 */
class PDUFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 0xBEAC_0DD5L);

    @Test
    void mutatedPdusOnlyEverRaiseProtocolException() {
        AAssociateAC ac = new AAssociateAC();
        ac.addPresentationContext(PresentationContext.ac(1, 0, UID.ExplicitVRLittleEndian));
        ac.setImplementationClassUid("1.2.3");
        List<byte[]> seeds = List.of(PDUEncoder.encode(PDUCodecTest.fullRQ()), PDUEncoder.encode(ac),
                PDUEncoder.encode(AAssociateRJ.localLimitExceeded()), PDUEncoder.encode(AAbort.byUser()),
                PDUEncoder.releaseRQ(), new byte[] {0x04, 0, 0, 0, 0, 10, 0, 0, 0, 6, 1, 3, 'a', 'b', 'c', 'd'});
        SplittableRandom r = new SplittableRandom(SEED);
        int refused = 0;
        for (int n = 0; n < 100_000; n++) {
            byte[] b = seeds.get(r.nextInt(seeds.size())).clone();
            switch (r.nextInt(3)) {
                case 0 -> {
                    for (int i = 0, k = 1 + r.nextInt(6); i < k; i++) {
                        b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                    }
                }
                case 1 -> b = Arrays.copyOf(b, 1 + r.nextInt(b.length));
                default -> {
                    int at = r.nextInt(b.length);
                    int v = r.nextBoolean() ? 0xFF : 0;
                    for (int i = at; i < Math.min(b.length, at + 2); i++) {
                        b[i] = (byte) v;
                    }
                }
            }
            try {
                PDUReader reader = new PDUReader(new ByteArrayInputStream(b), 16_384);
                int type = reader.next();
                switch (type) {
                    case PDUType.A_ASSOCIATE_RQ -> PDUDecoder.decodeAssociateRQ(reader.body());
                    case PDUType.A_ASSOCIATE_AC -> PDUDecoder.decodeAssociateAC(reader.body());
                    case PDUType.A_ASSOCIATE_RJ -> PDUDecoder.decodeAssociateRJ(reader.body());
                    case PDUType.A_ABORT -> PDUDecoder.decodeAbort(reader.body());
                    case PDUType.P_DATA_TF -> {
                        while (reader.hasMorePdvs()) {
                            int len = reader.nextPdv();
                            if (reader.stream().readNBytes(len).length < len) {
                                throw new ProtocolException("short PDV", 0);
                            }
                        }
                    }
                    default -> reader.body();
                }
            } catch (ProtocolException expected) {
                refused++;
            } catch (Throwable t) {
                fail("case " + n + " (seed " + SEED + "): " + t, t);
            }
        }
        System.out.printf("PDU fuzz: 100000 cases, %d refused with ProtocolException%n", refused);
    }
}
