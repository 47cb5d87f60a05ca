package org.beaconpacs.archive.dicomweb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class MultipartStreamTest {

    private static final String BOUNDARY = "b0undary";

    @RepeatedTest(20)
    void partsComeBackByteForByteWhateverTheChunksAndLookAlikes() throws IOException {
        Random random = new Random();
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byte[] p = new byte[random.nextInt(300_000)];
            random.nextBytes(p);
            // near misses of the delimiter inside the content
            byte[] lookAlike = ("\r\n--" + BOUNDARY.substring(0, 4)).getBytes(StandardCharsets.US_ASCII);
            for (int k = 0; k + lookAlike.length < p.length; k += 1 + random.nextInt(50_000)) {
                System.arraycopy(lookAlike, 0, p, k, lookAlike.length);
            }
            parts.add(p);
        }
        parts.add(new byte[0]);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write("preamble to ignore\r\n".getBytes(StandardCharsets.US_ASCII));
        for (byte[] p : parts) {
            body.write(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.write(p);
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        MultipartStream m = new MultipartStream(chunked(body.toByteArray(), random), BOUNDARY);
        for (byte[] expected : parts) {
            MultipartStream.Part part = m.next();
            assertEquals("application/dicom", part.headers().get("content-type"));
            assertArrayEquals(expected, read(part.content(), random));
        }
        assertNull(m.next());
    }

    @Test
    void aPartLeftUnreadIsSkippedAndATruncatedBodyIsAnError() throws IOException {
        String body = "--" + BOUNDARY + "\r\n\r\nfirst\r\n--" + BOUNDARY + "\r\nX: y\r\n\r\nsecond\r\n--" + BOUNDARY + "--";
        MultipartStream m = new MultipartStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)),
                BOUNDARY);
        m.next();
        MultipartStream.Part second = m.next();
        assertEquals("y", second.headers().get("x"));
        assertEquals("second", new String(second.content().readAllBytes(), StandardCharsets.US_ASCII));
        MultipartStream cut = new MultipartStream(new ByteArrayInputStream(("--" + BOUNDARY + "\r\n\r\nno end")
                .getBytes(StandardCharsets.US_ASCII)), BOUNDARY);
        InputStream content = cut.next().content();
        assertThrows(IOException.class, content::readAllBytes);
    }

    private static byte[] read(InputStream in, Random random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[1 + random.nextInt(70_000)];
        int n;
        while ((n = in.read(b, 0, 1 + random.nextInt(b.length))) >= 0) {
            out.write(b, 0, n);
        }
        return out.toByteArray();
    }

    /** The body as a network hands it: in chunks of random sizes. */
    private static InputStream chunked(byte[] body, Random random) {
        return new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(9000)));
            }
        };
    }
}
