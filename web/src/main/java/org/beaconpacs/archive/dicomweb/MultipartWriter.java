package org.beaconpacs.archive.dicomweb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The framing of a {@code multipart/related} answer (RFC 2046): a boundary, each part's header, the close. */
final class MultipartWriter {

    private static final byte[] CRLF = {'\r', '\n'};

    private final String boundary = UUID.randomUUID().toString();

    /** The answer's Content-Type for parts of {@code partType}. */
    String contentType(String partType) {
        return "multipart/related; type=\"" + partType + "\"; boundary=" + boundary;
    }

    /** A part's delimiter and header, before its content. */
    byte[] header(String contentType) {
        return ("--" + boundary + "\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The bytes after a part's content. */
    static byte[] afterPart() {
        return CRLF.clone();
    }

    /** The closing delimiter. */
    byte[] closing() {
        return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    void startPart(OutputStream out, String contentType) throws IOException {
        out.write(header(contentType));
    }

    void endPart(OutputStream out) throws IOException {
        out.write(CRLF);
    }

    void close(OutputStream out) throws IOException {
        out.write(closing());
        out.flush();
    }
}
