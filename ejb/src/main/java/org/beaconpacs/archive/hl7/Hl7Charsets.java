package org.beaconpacs.archive.hl7;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The character set of a message: the one MSH-18 names (HL7 table 0211), else the default
 * (BEACON_HL7_CHARSET, UTF-8), else ISO 8859-1 when the bytes are not valid in it.
 */
final class Hl7Charsets {

    private Hl7Charsets() {
    }

    static Charset of(byte[] payload) {
        String named = Acks.field(new String(payload, StandardCharsets.ISO_8859_1), 18);
        Charset c = named == null ? null : byName(named);
        if (c != null) {
            return c;
        }
        Charset fallback = Hl7Settings.charset();
        try {
            fallback.newDecoder().decode(ByteBuffer.wrap(payload));
            return fallback;
        } catch (CharacterCodingException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** HL7 table 0211's names of the character sets a RIS sends. */
    static Charset byName(String name) {
        String n = name.split("~")[0].strip().toUpperCase(Locale.ROOT);
        return switch (n) {
            case "ASCII" -> StandardCharsets.US_ASCII;
            case "8859/1" -> StandardCharsets.ISO_8859_1;
            case "8859/2" -> Charset.forName("ISO-8859-2");
            case "8859/5" -> Charset.forName("ISO-8859-5");
            case "8859/7" -> Charset.forName("ISO-8859-7");
            case "8859/9" -> Charset.forName("ISO-8859-9");
            case "8859/15" -> Charset.forName("ISO-8859-15");
            case "UNICODE UTF-8", "UTF-8" -> StandardCharsets.UTF_8;
            case "GB 18030-2000", "GB18030" -> Charset.forName("GB18030");
            case "ISO IR87", "ISO IR159" -> Charset.forName("ISO-2022-JP");
            case "KS X 1001" -> Charset.forName("EUC-KR");
            case "BIG-5" -> Charset.forName("Big5");
            default -> null;
        };
    }
}
