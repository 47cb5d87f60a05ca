package org.beaconpacs.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;

/** Property-based tests of the codecs: per-VR values and random nested data sets in every native syntax. */
class CodecPropertiesTest {

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void unsignedShortsSurviveBothByteOrders(@ForAll List<@IntRange(min = 0, max = 65535) Integer> values,
                                             @ForAll boolean bigEndian) {
        Attributes ds = new Attributes(bigEndian, 4);
        int[] v = values.stream().mapToInt(Integer::intValue).toArray();
        ds.setInt(Tag.Rows, VR.US, v);
        assertArrayEquals(v, ds.getInts(Tag.Rows));
        ds.setBigEndian(!bigEndian);
        assertArrayEquals(v, ds.getInts(Tag.Rows));
    }

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void signedLongsAndDoublesSurvive(@ForAll List<Integer> ints, @ForAll List<Double> doubles) {
        Attributes ds = new Attributes();
        int[] i = ints.stream().mapToInt(Integer::intValue).toArray();
        ds.setInt(Tag.ReferencedFrameNumbers, VR.SL, i);
        assertArrayEquals(i, ds.getInts(Tag.ReferencedFrameNumbers));
        double[] d = doubles.stream().mapToDouble(Double::doubleValue).toArray();
        ds.setDouble(Tag.PixelSpacing, VR.FD, d);
        assertArrayEquals(d, ds.getDoubles(Tag.PixelSpacing));
    }

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void dsValuesFitSixteenCharactersAndKeepTheirValue(@ForAll double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return;
        }
        String s = org.beaconpacs.dicom.data.Values.formatDS(d);
        assertEquals(true, s.length() <= 16, s);
        double back = Double.parseDouble(s);
        assertEquals(d, back, Math.abs(d) * 1e-8 + 1e-300); // 16 characters hold 9+ significant digits
    }

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void randomNestedDataSetsRoundTripInEveryNativeSyntax(@ForAll("datasets") Attributes ds,
                                                         @ForAll("syntaxes") TransferSyntax ts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(out)) {
            w.writeDataset(ds, ts);
        }
        Attributes back = new DicomReader(new ByteArrayInputStream(out.toByteArray())).readDataset(ts);
        assertEquals(ds, back);
    }

    /** Every VR: a value set through the API survives writing and reading in every native syntax. */
    @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED)
    void everyVrSurvivesEveryNativeSyntax(@ForAll VR vr, @ForAll("syntaxes") TransferSyntax ts,
                                          @ForAll("seeds") long seed) throws IOException {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        Attributes ds = new Attributes();
        int tag = 0x00091010; // private: no dictionary VR to disagree with in implicit VR
        ds.setString(0x00090010, VR.LO, "BEACON TEST");
        int n = 1 + r.nextInt(4);
        switch (vr.kind()) {
            case SEQUENCE -> {
                var seq = ds.newSequence(tag);
                for (int i = 0; i < n; i++) {
                    seq.addItem().setString(Tag.CodeValue, VR.SH, "C" + r.nextInt(1000));
                }
            }
            case STRING, TEXT -> ds.setString(tag, vr, randomStrings(vr, n, r));
            case BINARY -> {
                byte[] b = new byte[(vr == VR.OB || vr == VR.UN ? 2 * n : Math.max(vr.swapUnit(), 2) * n)];
                r.nextBytes(b);
                ds.setBytes(tag, vr, b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(out)) {
            w.writeDataset(ds, ts);
        }
        Attributes back = new DicomReader(new ByteArrayInputStream(out.toByteArray())).readDataset(ts);
        if (!ts.explicitVR()) {
            // implicit VR carries no VR: the private value comes back as UN bytes (or SQ items)
            assertEquals(vr == VR.SQ ? ds.getSequence(tag) : null, vr == VR.SQ ? back.getSequence(tag) : null);
            if (vr != VR.SQ) {
                byte[] expected = ds.getBytes(tag).clone();
                if (vr.swapUnit() > 1 && ts.bigEndian() != ds.isBigEndian()) {
                    org.beaconpacs.dicom.data.Values.swap(expected, 0, expected.length, vr.swapUnit());
                }
                assertArrayEquals(expected, back.getBytes(tag));
            }
            return;
        }
        assertEquals(vr, back.getVR(tag));
        assertEquals(ds, back);
    }

    private static String[] randomStrings(VR vr, int n, java.util.SplittableRandom r) {
        String[] s = new String[vr.kind() == VR.Kind.TEXT ? 1 : n];
        for (int i = 0; i < s.length; i++) {
            s[i] = switch (vr) {
                case DA -> String.format("%04d%02d%02d", 1900 + r.nextInt(200), 1 + r.nextInt(12), 1 + r.nextInt(28));
                case TM -> String.format("%02d%02d%02d", r.nextInt(24), r.nextInt(60), r.nextInt(60));
                case DT -> String.format("%04d%02d%02d%02d%02d", 1900 + r.nextInt(200), 1 + r.nextInt(12),
                        1 + r.nextInt(28), r.nextInt(24), r.nextInt(60));
                case DS -> org.beaconpacs.dicom.data.Values.formatDS(r.nextDouble(-1e6, 1e6));
                case IS -> Integer.toString(r.nextInt());
                case UI -> "1.2." + r.nextInt(1, Integer.MAX_VALUE);
                case AS -> String.format("%03dY", r.nextInt(120));
                case AE, CS -> "A" + r.nextInt(100000);
                case PN -> "Doe^J" + r.nextInt(1000) + "=" + "Ideo";
                case UR -> "http://example.org/" + r.nextInt(1000);
                default -> "text " + r.nextInt() + (vr.kind() == VR.Kind.TEXT ? "\\with backslash" : "");
            };
        }
        return s;
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<TransferSyntax> syntaxes() {
        return Arbitraries.of(TranscodingTest.NATIVE);
    }

    @Provide
    Arbitrary<Attributes> datasets() {
        return dataset(3);
    }

    private Arbitrary<Attributes> dataset(int depth) {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('A', 'Z').withChars(' ', '^').ofMaxLength(40)
                .map(String::trim);
        Arbitrary<String> uid = Arbitraries.integers().between(1, 99999).list().ofMinSize(1).ofMaxSize(6)
                .map(l -> "1." + String.join(".", l.stream().map(String::valueOf).toList()));
        Arbitrary<int[]> shorts = Arbitraries.integers().between(0, 65535).array(int[].class).ofMaxSize(8);
        Arbitrary<double[]> floats = Arbitraries.doubles().between(-1e6, 1e6).array(double[].class).ofMaxSize(4);
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(64)
                .map(b -> b.length % 2 == 0 ? b : java.util.Arrays.copyOf(b, b.length + 1));
        Arbitrary<List<Attributes>> items = depth == 0 ? Arbitraries.just(List.of())
                : dataset(depth - 1).list().ofMaxSize(3);
        return Combinators.combine(text, uid, shorts, floats, bytes, items, Arbitraries.of(true, false))
                .as((name, sopUid, rows, spacing, blob, children, undefined) -> {
                    Attributes a = new Attributes();
                    a.setString(Tag.PatientName, VR.PN, name);
                    a.setString(Tag.SOPInstanceUID, VR.UI, sopUid);
                    a.setInt(Tag.ReferencedFrameNumbers, VR.US, rows);
                    a.setDouble(Tag.PixelSpacing, VR.FD, spacing);
                    a.setBytes(Tag.EncapsulatedDocument, VR.OB, blob);
                    a.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, blob);
                    if (!children.isEmpty()) {
                        var seq = a.newSequence(Tag.ContentSequence);
                        seq.setUndefinedLength(undefined);
                        for (Attributes child : children) {
                            child.setUndefinedLength(!undefined);
                            seq.add(new Attributes(child));
                        }
                    }
                    return a;
                });
    }
}
