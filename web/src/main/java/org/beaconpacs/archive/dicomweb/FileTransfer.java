package org.beaconpacs.archive.dicomweb;

import io.undertow.io.BufferWritableOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Stored files into a response the cheapest way the container offers: Undertow's servlet output stream
 * takes a file channel and sends it with sendfile (the kernel copies from the page cache to the socket;
 * no pass through the JVM's buffers); any other stream gets the bytes copied.
 */
final class FileTransfer {

    private final OutputStream servlet;

    /** Over the servlet's own output stream ({@code HttpServletResponse.getOutputStream()}). */
    FileTransfer(OutputStream servlet) {
        this.servlet = servlet;
    }

    /** Whether files go by sendfile (over plain HTTP; Undertow copies them itself under TLS). */
    boolean direct() {
        return servlet instanceof BufferWritableOutputStream;
    }

    void write(byte[] bytes) throws IOException {
        servlet.write(bytes);
    }

    /** The whole of {@code file}, after what was written before it. */
    void transfer(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ((BufferWritableOutputStream) servlet).transferFrom(channel);
        }
    }

    void flush() throws IOException {
        servlet.flush();
    }
}
