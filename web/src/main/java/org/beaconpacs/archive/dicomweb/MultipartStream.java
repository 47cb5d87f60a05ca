package org.beaconpacs.archive.dicomweb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a {@code multipart/related} body (RFC 2046) read one after the other as streams: a part's
 * content ends where the next boundary delimiter begins, found in a buffer of the body while reading (the
 * bytes before a possible delimiter are handed out in blocks), never by holding a part.
 */
final class MultipartStream {

    /** One part: its headers (names lower case) and its content, read before asking for the next part. */
    record Part(Map<String, String> headers, InputStream content) {
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf = new byte[128 * 1024];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean started;
    private boolean done;
    private PartStream current;

    MultipartStream(InputStream body, String boundary) {
        this.in = body;
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

    /** Makes at least {@code n} bytes available from {@code pos} unless the body ends first; how many are. */
    private int fill(int n) throws IOException {
        if (limit - pos >= n || eof) {
            return limit - pos;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit < n && !eof) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos;
    }

    private int readByte() throws IOException {
        return fill(1) > 0 ? buf[pos++] & 0xFF : -1;
    }

    /** Up to and past the first delimiter (which may start the body, without the leading CRLF). */
    private void skipPreamble() throws IOException {
        byte[] first = java.util.Arrays.copyOfRange(delimiter, 2, delimiter.length);
        int matched = 0;
        int b;
        while ((b = readByte()) >= 0) {
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
        if (fill(2) >= 2 && buf[pos] == '-' && buf[pos + 1] == '-') {
            pos += 2;
            done = true;
            return;
        }
        line();
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = readByte()) >= 0 && c != '\n') {
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

    /** Where the delimiter begins in the buffer, from {@code pos} to {@code limit}; -1 if it is not there whole. */
    private int delimiterAt() {
        byte first = delimiter[0];
        int last = limit - delimiter.length;
        outer:
        for (int i = pos; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int k = 1; k < delimiter.length; k++) {
                if (buf[i + k] != delimiter[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A part's content: the bytes up to the next delimiter. */
    private final class PartStream extends InputStream {
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            if (fill(delimiter.length) < delimiter.length) {
                throw new IOException("the multipart body ends inside a part");
            }
            int at = delimiterAt();
            if (at == pos) {
                pos += delimiter.length;
                ended = true;
                afterDelimiter();
                return -1;
            }
            // bytes before the delimiter, or all but a tail that may be the start of one
            int end = at >= 0 ? at : limit - delimiter.length + 1;
            int n = Math.min(len, end - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        void skipRest() throws IOException {
            byte[] skip = new byte[8192];
            while (read(skip, 0, skip.length) >= 0) {
                // drain what the reader left
            }
        }
    }
}
