package org.beaconpacs.archive.dicomweb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.undertow.io.BufferWritableOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTransferTest {

    @TempDir
    Path dir;

    /** Undertow's servlet stream as far as FileTransfer sees it: bytes, and files handed over as channels. */
    static final class ContainerStream extends OutputStream implements BufferWritableOutputStream {
        final ByteArrayOutputStream bytes;
        int channels;

        ContainerStream(ByteArrayOutputStream wire) {
            this.bytes = wire;
        }

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(ByteBuffer[] buffers) throws IOException {
            for (ByteBuffer b : buffers) {
                write(b);
            }
        }

        @Override
        public void write(ByteBuffer buffer) throws IOException {
            Channels.newChannel(bytes).write(buffer);
        }

        @Override
        public void transferFrom(FileChannel source) throws IOException {
            channels++;
            source.transferTo(source.position(), source.size() - source.position(), Channels.newChannel(bytes));
        }
    }

    @Test
    void filesGoToTheContainersStreamAsChannelsOnceTheResponseIsCommitted() throws IOException {
        List<Path> files = files(3);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ContainerStream container = new ContainerStream(wire);
        List<Integer> committedAt = new ArrayList<>();
        // the JAX-RS stream writes to the same wire: it commits the response with the first bytes it flushes
        FileTransfer out = new FileTransfer(wire, () -> {
            committedAt.add(wire.size());
            return container;
        });
        byte[] expected = send(out, files);

        assertArrayEquals(expected, wire.toByteArray(), "framing and files in order, nothing lost or doubled");
        assertEquals(3, container.channels, "each file by its channel (sendfile in Undertow), none copied");
        assertEquals(List.of(header(0).length), committedAt,
                "the container's stream is taken once, after the first part's header has left through JAX-RS's");
    }

    @Test
    void elsewhereTheFilesAreCopiedThroughTheJaxRsStream() throws IOException {
        List<Path> files = files(2);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        FileTransfer out = new FileTransfer(wire, ByteArrayOutputStream::new);
        assertArrayEquals(send(out, files), wire.toByteArray());

        ByteArrayOutputStream outsideServlet = new ByteArrayOutputStream();
        FileTransfer none = new FileTransfer(outsideServlet, () -> null);
        assertArrayEquals(send(none, files), outsideServlet.toByteArray());
    }

    private List<Path> files(int n) throws IOException {
        Random random = new Random(n);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] content = new byte[300_000 + i * 1001]; // beyond the copy buffer, odd lengths
            random.nextBytes(content);
            files.add(Files.write(dir.resolve(n + "-" + i + ".dcm"), content));
        }
        return files;
    }

    private static byte[] header(int i) {
        return ("--b\r\nContent-Type: application/dicom; part=" + i + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes a multipart body of {@code files} through {@code out}; what the wire should then hold. */
    private static byte[] send(FileTransfer out, List<Path> files) throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < files.size(); i++) {
            out.write(header(i));
            out.transfer(files.get(i));
            out.write(MultipartWriter.afterPart());
            expected.write(header(i));
            expected.write(Files.readAllBytes(files.get(i)));
            expected.write(MultipartWriter.afterPart());
        }
        byte[] closing = "--b--\r\n".getBytes(StandardCharsets.US_ASCII);
        out.write(closing);
        out.flush();
        expected.write(closing);
        return expected.toByteArray();
    }
}
