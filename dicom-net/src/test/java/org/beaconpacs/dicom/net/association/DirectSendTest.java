package org.beaconpacs.dicom.net.association;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A file sent on a socket that is a channel: P-DATA-TF PDUs of one PDV each, no longer than the peer's
 * maximum, even fragments, the last-fragment bit on the last one only, the file's bytes (from the given
 * position) in order, an odd length padded with one NUL; and none of it through the association's stream.
 */
class DirectSendTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "526338, 132, 16378", // a CT after its meta group, DCMTK's 16 KiB PDUs
        "526339, 132, 16378", // odd: padded
        "16378, 0, 16378", // exactly one full fragment
        "16379, 2, 16378", // odd: the pad byte fills the one fragment
        "1048577, 10, 1048570", // a peer without limit: fragments larger than the direct buffer
        "3, 0, 16378"})
    void aFileLeavesAsPdusThroughTheChannel(int size, int offset, int maxFragment) throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Path file = dir.resolve("f.dcm");
        Files.write(file, content);
        byte[] expected = java.util.Arrays.copyOfRange(content, offset, size);

        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            try (SocketChannel sender = SocketChannel.open(server.getLocalAddress());
                 SocketChannel peer = server.accept()) {
                CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> read(peer.socket(),
                        maxFragment));
                ByteArrayOutputStream stream = new ByteArrayOutputStream();
                ByteCounter counter = new ByteCounter(InputStream.nullInputStream(), stream);
                DirectSend direct = DirectSend.of(sender, counter);
                PDVOutputStream out = new PDVOutputStream(counter.out(), direct, 3, false, maxFragment,
                        new byte[PDVOutputStream.INITIAL_BUFFER]);
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    assertEquals(expected.length, out.transferFrom(ch, offset));
                }
                out.close(); // nothing more: the last fragment went
                sender.shutdownOutput();
                byte[] data = received.get();
                int padded = expected.length + (expected.length & 1);
                assertEquals(padded, data.length);
                assertArrayEquals(expected, java.util.Arrays.copyOf(data, expected.length));
                if (padded > expected.length) {
                    assertEquals(0, data[expected.length]);
                }
                assertEquals(0, stream.size(), "no byte of the file through the stream");
                assertTrue(counter.sent() > padded, "the channel's bytes are counted");
            }
        }
    }

    /** Reads PDUs to the end of the stream, checking each; the fragments' bytes. */
    private static byte[] read(java.net.Socket socket, int maxFragment) {
        try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            boolean lastSeen = false;
            int type;
            while ((type = in.read()) >= 0) {
                assertEquals(0x04, type);
                in.readByte();
                int pduLength = in.readInt();
                int pdvLength = in.readInt();
                assertEquals(pduLength - 4, pdvLength, "one PDV per PDU");
                assertEquals(3, in.readUnsignedByte(), "presentation context");
                int control = in.readUnsignedByte();
                int fragment = pdvLength - 2;
                assertTrue(fragment <= maxFragment + 0, "fragment " + fragment + " within the peer's maximum");
                assertEquals(0, fragment & 1, "even fragment");
                assertTrue(!lastSeen, "nothing after the last fragment");
                assertEquals(0, control & 1, "a data set, not a command");
                lastSeen = (control & 2) != 0;
                byte[] f = new byte[fragment];
                in.readFully(f);
                data.write(f);
            }
            assertTrue(lastSeen, "the last fragment is marked");
            return data.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
