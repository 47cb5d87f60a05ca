package org.beaconpacs.archive.rar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MllpFramesTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void messagesAreReadOneByOneWhateverComesBetweenThem() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes("\r\n\u000bMSH|1\rPID|\u001c\r  \u000bMSH|2\u001c\r"));
        assertArrayEquals(bytes("MSH|1\rPID|"), MllpFrames.read(in, 100));
        assertArrayEquals(bytes("MSH|2"), MllpFrames.read(in, 100));
        assertNull(MllpFrames.read(in, 100), "the end between messages");
    }

    @Test
    void aMessageTooLongCutOffOrBadlyEndedIsAnError() {
        assertTrue(assertThrows(IOException.class, () -> MllpFrames.read(new ByteArrayInputStream(
                bytes("\u000b0123456789\u001c\r")), 5)).getMessage().contains("longer than 5"));
        assertThrows(IOException.class, () -> MllpFrames.read(new ByteArrayInputStream(bytes("\u000bMSH|")), 100));
        assertThrows(IOException.class, () -> MllpFrames.read(new ByteArrayInputStream(bytes("\u000bMSH|\u001cX")), 100));
    }

    @Test
    void anAcknowledgementIsFramedInOneWrite() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MllpFrames.write(out, bytes("MSA|AA|1"));
        assertArrayEquals(bytes("\u000bMSA|AA|1\u001c\r"), out.toByteArray());
    }
}
