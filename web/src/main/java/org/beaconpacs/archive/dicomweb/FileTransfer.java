package org.beaconpacs.archive.dicomweb;

import io.undertow.io.BufferWritableOutputStream;
import io.undertow.servlet.handlers.ServletRequestContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.beaconpacs.archive.retrieve.Part10Writer;

/**
 * An answer made of small framing and whole stored files, the files sent by the kernel from the page cache
 * (sendfile) where the container allows: JAX-RS hands a resource a wrapper of the servlet's stream, so once the
 * wrapper has committed the response (the first file), the rest goes to Undertow's own servlet stream, which
 * takes a file channel. Elsewhere (another container) the files are copied through the JAX-RS stream.
 */
final class FileTransfer {

    /** Where the container's own stream comes from, once the response is committed. */
    interface ContainerStream {
        /** The stream under JAX-RS's, when it takes file channels ({@link BufferWritableOutputStream}); else null. */
        OutputStream get() throws IOException;
    }

    private final OutputStream jaxrs;
    private final ContainerStream underneath;
    private OutputStream container;
    private boolean committed;

    /** Over a JAX-RS resource's stream, in Undertow. */
    FileTransfer(OutputStream jaxrs) {
        this(jaxrs, FileTransfer::undertowStream);
    }

    FileTransfer(OutputStream jaxrs, ContainerStream underneath) {
        this.jaxrs = new BufferedOutputStream(jaxrs, 16 * 1024);
        this.underneath = underneath;
    }

    void write(byte[] bytes) throws IOException {
        current().write(bytes);
    }

    /** The whole of {@code file}, after what was written before it. */
    @SuppressWarnings("deprecation") // transferFrom: the call Undertow's own blocking Sender makes for files
    void transfer(Path file) throws IOException {
        if (!committed) {
            committed = true;
            jaxrs.flush();
            OutputStream servlet = underneath.get();
            container = servlet instanceof BufferWritableOutputStream ? servlet : null;
        }
        if (container != null) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ((BufferWritableOutputStream) container).transferFrom(channel);
            }
            return;
        }
        Part10Writer.copy(file, jaxrs);
    }

    void flush() throws IOException {
        current().flush();
    }

    /** The stream the next bytes go to: the container's once the response is committed and it takes files. */
    private OutputStream current() {
        return container != null ? container : jaxrs;
    }

    /** The servlet stream under JAX-RS's wrapper; null outside a servlet request. */
    private static OutputStream undertowStream() throws IOException {
        ServletRequestContext context = ServletRequestContext.current();
        if (context == null) {
            return null;
        }
        return context.getOriginalResponse().getOutputStream();
    }
}
