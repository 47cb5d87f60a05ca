package org.beaconpacs.archive.rar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The Minimal Lower Layer Protocol's frame around an HL7 v2 message (HL7 v2.5.1 Implementation Guide,
 * Transport Specification MLLP release 2): a start block 0x0B, the message, an end block 0x1C and a CR.
 */
final class MllpFrames {

    static final int START_BLOCK = 0x0B;
    static final int END_BLOCK = 0x1C;
    static final int CARRIAGE_RETURN = 0x0D;

    private MllpFrames() {
    }

    /**
     * The next message from {@code in}, or null at the end of the stream between messages. Bytes before a
     * start block are skipped (line noise, a keep-alive); a message longer than {@code max} bytes, or one
     * cut off by the end of the stream, is an IOException.
     */
    static byte[] read(InputStream in, int max) throws IOException {
        int b;
        do {
            b = in.read();
            if (b < 0) {
                return null;
            }
        } while (b != START_BLOCK);
        ByteArrayOutputStream message = new ByteArrayOutputStream(1024);
        while (true) {
            b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended inside a message");
            }
            if (b == END_BLOCK) {
                int cr = in.read();
                if (cr != CARRIAGE_RETURN) {
                    throw new IOException("end block not followed by a carriage return");
                }
                return message.toByteArray();
            }
            if (message.size() == max) {
                throw new IOException("a message longer than " + max + " bytes");
            }
            message.write(b);
        }
    }

    static void write(OutputStream out, byte[] message) throws IOException {
        byte[] framed = new byte[message.length + 3];
        framed[0] = START_BLOCK;
        System.arraycopy(message, 0, framed, 1, message.length);
        framed[framed.length - 2] = END_BLOCK;
        framed[framed.length - 1] = CARRIAGE_RETURN;
        out.write(framed); // one write: an acknowledgement leaves in one segment
        out.flush();
    }
}
