package org.beaconpacs.archive.dicomweb;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a {@code multipart/related} body (RFC 2046) read one after the other as streams: a part's
 * content ends where the next boundary delimiter begins, found while reading, never by holding a part.
 */
final class MultipartStream {

    /** One part: its headers (names lower case) and its content, read before asking for the next part. */
    record Part(Map<String, String> headers, InputStream content) {
    }

    private final InputStream in;
    private final byte[] delimiter;
    private boolean started;
    private boolean done;
    private PartStream current;

    MultipartStream(InputStream body, String boundary) {
        this.in = new BufferedInputStream(body, 64 * 1024);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    }

    /** The boundary parameter of a Content-Type header, or null. */
    static String boundary(String contentType) {
        String p = parameter(contentType, "boundary");
        return p == null || p.isEmpty() ? null : p;
    }

    /** A parameter of a media type header ({@code type}, {@code boundary}), unquoted; null if absent. */
    static String parameter(String contentType, String name) {
        if (contentType == null) {
            return null;
        }
        for (String p : contentType.split(";")) {
            String[] kv = p.split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase(name)) {
                return kv[1].strip().replace("\"", "");
            }
        }
        return null;
    }

    /** The next part, or null after the closing delimiter. */
    Part next() throws IOException {
        if (done) {
            return null;
        }
        if (!started) {
            started = true;
            skipPreamble();
        } else {
            current.skipRest();
        }
        if (done) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while (!(line = line()).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        current = new PartStream();
        return new Part(headers, current);
    }

    /** Up to and past the first delimiter (which may start the body, without the leading CRLF). */
    private void skipPreamble() throws IOException {
        byte[] first = java.util.Arrays.copyOfRange(delimiter, 2, delimiter.length);
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            matched = b == first[matched] ? matched + 1 : b == first[0] ? 1 : 0;
            if (matched == first.length) {
                afterDelimiter();
                return;
            }
        }
        throw new IOException("no multipart boundary in the body");
    }

    /** After a delimiter: "--" closes the body, else the rest of the line is padding. */
    private void afterDelimiter() throws IOException {
        in.mark(2);
        if (in.read() == '-' && in.read() == '-') {
            done = true;
            return;
        }
        in.reset();
        line();
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
            if (b.size() > 8192) {
                throw new IOException("a multipart header line longer than 8 KiB");
            }
        }
        if (c < 0) {
            throw new IOException("the multipart body ends inside a part's headers");
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** A part's content: the bytes up to the next delimiter. */
    private final class PartStream extends InputStream {
        private boolean ended;

        @Override
        public int read() throws IOException {
            if (ended) {
                return -1;
            }
            in.mark(delimiter.length);
            int b = in.read();
            if (b < 0) {
                throw new IOException("the multipart body ends inside a part");
            }
            if (b == delimiter[0]) {
                int k = 1;
                while (k < delimiter.length && in.read() == delimiter[k]) {
                    k++;
                }
                if (k == delimiter.length) {
                    ended = true;
                    afterDelimiter();
                    return -1;
                }
                in.reset();
                in.read();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len) {
                int b = read();
                if (b < 0) {
                    return n == 0 ? -1 : n;
                }
                buf[off + n++] = (byte) b;
                if (n >= 8192 && in.available() == 0) {
                    break;
                }
            }
            return n;
        }

        void skipRest() throws IOException {
            while (read() >= 0) {
                // drain what the reader left
            }
        }
    }
}
