package org.beaconpacs.dicom.charset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.io.DicomFile;
import org.beaconpacs.dicom.testing.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecificCharacterSetTest {

    /** Patient's Name of pydicom's character set samples (PS3.5 Annex H, I, J examples among them). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "chrArab.dcm   | قباني^لنزار",
        "chrFren.dcm   | Buc^Jérôme",
        "chrGerm.dcm   | Äneas^Rüdiger",
        "chrGreek.dcm  | Διονυσιος",
        "chrHbrw.dcm   | שרון^דבורה",
        "chrRuss.dcm   | Люкceмбypг",
        "chrH31.dcm    | Yamada^Tarou=山田^太郎=やまだ^たろう",
        "chrH32.dcm    | ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう",
        "chrI2.dcm     | Hong^Gildong=洪^吉洞=홍^길동",
        "chrKoreanMulti.dcm | 김희중",
        "chrX1.dcm     | Wang^XiaoDong=王^小東=",
        "chrX2.dcm     | Wang^XiaoDong=王^小东=",
    })
    void decodesPatientNamesOfRealFiles(String file, String expected) throws Exception {
        Path path = SampleFiles.file(file.trim());
        Attributes ds = DicomFile.read(path).dataset();
        assertEquals(expected.trim(), ds.getString(Tag.PatientName));
    }

    @Test
    void sequenceItemWithItsOwnCharacterSetOverridesTheDataSets() throws Exception {
        Attributes ds = DicomFile.read(SampleFiles.file("chrSQEncoding.dcm")).dataset();
        Attributes item = ds.getSequence(ds.tagAt(indexOfFirstSequence(ds))).get(0);
        assertEquals("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", item.getString(Tag.PatientName));
        Attributes inherited = DicomFile.read(SampleFiles.file("chrSQEncoding1.dcm")).dataset();
        Attributes item1 = inherited.getSequence(inherited.tagAt(indexOfFirstSequence(inherited))).get(0);
        assertEquals("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", item1.getString(Tag.PatientName));
    }

    private static int indexOfFirstSequence(Attributes ds) {
        for (int i = 0; i < ds.size(); i++) {
            if (ds.vrAt(i) == VR.SQ) {
                return i;
            }
        }
        throw new AssertionError("no sequence");
    }

    /** PS3.5 H.3.1: encoding must reproduce the standard's bytes, escape sequences included. */
    @Test
    void encodesJapaneseWithEscapeSequencesAsTheStandardShows() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");
        byte[] expected = ("Yamada^Tarou=\u001b$B;3ED\u001b(B^\u001b$BB@O:\u001b(B=\u001b$B$d$^$@\u001b(B^"
                + "\u001b$B$?$m$&\u001b(B").getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(expected, cs.encode("Yamada^Tarou=山田^太郎=やまだ^たろう", true));
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", cs.decode(expected, true));
    }

    /** PS3.5 I.2: Korean in G1 with the designation repeated after each delimiter. */
    @Test
    void encodesKoreanAsTheStandardShows() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 149");
        byte[] expected = bytes("Hong^Gildong=", 0x1b, 0x24, 0x29, 0x43, 0xfb, 0xf3, '^', 0x1b, 0x24, 0x29, 0x43,
                0xd1, 0xce, 0xd4, 0xd7, '=', 0x1b, 0x24, 0x29, 0x43, 0xc8, 0xab, '^', 0x1b, 0x24, 0x29, 0x43, 0xb1,
                0xe6, 0xb5, 0xbf);
        assertArrayEquals(expected, cs.encode("Hong^Gildong=洪^吉洞=홍^길동", true));
    }

    @Test
    void gb18030ChineseNameRoundTrips() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("GB18030");
        String name = "Zhang^San=张^三丰=zhang^sanfeng";
        byte[] b = cs.encode(name, true);
        assertEquals(name, cs.decode(b, true));
        assertArrayEquals(new byte[] {(byte) 0xD5, (byte) 0xC5}, cs.encode("张", true)); // GB 2312 row 53
        assertArrayEquals(new byte[] {(byte) 0x81, 0x30, (byte) 0x81, 0x30}, cs.encode("\u0080", false)); // 4-byte form
    }

    @Test
    void gbkAndUtf8AndLatinRoundTrip() {
        assertEquals("李^小龙", SpecificCharacterSet.valueOf("GBK").decode(
                SpecificCharacterSet.valueOf("GBK").encode("李^小龙", true), true));
        assertEquals("Ünal^Ğül", SpecificCharacterSet.valueOf("ISO_IR 148").decode(
                SpecificCharacterSet.valueOf("ISO_IR 148").encode("Ünal^Ğül", true), true));
        assertEquals("มานี", SpecificCharacterSet.valueOf("ISO_IR 166").decode(
                SpecificCharacterSet.valueOf("ISO_IR 166").encode("มานี", true), true));
        assertEquals("Łukasz", SpecificCharacterSet.valueOf("ISO_IR 101").decode(
                SpecificCharacterSet.valueOf("ISO_IR 101").encode("Łukasz", true), true));
        assertEquals("ĦĜ", SpecificCharacterSet.valueOf("ISO_IR 109").decode(
                SpecificCharacterSet.valueOf("ISO_IR 109").encode("ĦĜ", true), true));
        assertEquals("ĀĒ", SpecificCharacterSet.valueOf("ISO_IR 110").decode(
                SpecificCharacterSet.valueOf("ISO_IR 110").encode("ĀĒ", true), true));
        assertEquals("王^小東", SpecificCharacterSet.valueOf("ISO_IR 192").decode(
                "王^小東".getBytes(StandardCharsets.UTF_8), true));
    }

    @Test
    void jisX0212AndGb2312WithCodeExtension() {
        SpecificCharacterSet jp = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87", "ISO 2022 IR 159");
        String supplementary = "丂"; // in JIS X 0212, not JIS X 0208
        byte[] b = jp.encode("A^" + supplementary, true);
        assertEquals("A^" + supplementary, jp.decode(b, true));
        assertEquals(0x1b, b[2]); // ESC $ ( D
        assertEquals('(', b[4]);
        SpecificCharacterSet cn = SpecificCharacterSet.valueOf("", "ISO 2022 IR 58");
        assertEquals("Wang^XiaoDong=王^小东", cn.decode(cn.encode("Wang^XiaoDong=王^小东", true), true));
    }

    @Test
    void textSetThroughTheApiIsEncodedWithTheDataSetsCharacterSet() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "GB18030");
        ds.setString(Tag.PatientName, VR.PN, "王^小东");
        byte[] b = ds.getBytes(Tag.PatientName);
        assertEquals("王^小东", new String(b, java.nio.charset.Charset.forName("GB18030")).trim());
        assertEquals("王^小东", ds.getString(Tag.PatientName));
    }

    private static byte[] bytes(String ascii, int... rest) {
        byte[] a = ascii.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[a.length + rest.length];
        System.arraycopy(a, 0, out, 0, a.length);
        for (int i = 0; i < rest.length; i++) {
            out[a.length + i] = (byte) rest[i];
        }
        return out;
    }
}
