package org.beaconpacs.dicom.net.association;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Random;
import java.util.Set;
import javax.net.SocketFactory;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.TestScp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How often the sending side copies a data set's bytes (issue "dicom-net": at most twice). The source
 * stream and the socket record the arrays they are handed: a data set streamed with
 * {@link DataWriter#copy} is read straight into the PDU buffer that goes to the socket, so between the
 * read (the one copy, from the file or page cache) and the socket write there is none.
 */
class DataPathCopiesTest {

    @TempDir
    Path dir;

    /** Arrays that data passed through, by identity, and how many bytes. */
    static final class Arrays {
        final Set<byte[]> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        long bytes;
        int calls;
        /** What went through, when {@link #keep} is set. */
        final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        volatile boolean keep;

        synchronized void add(byte[] b, int n) {
            seen.add(b);
            bytes += n;
            calls++;
        }

        synchronized void add(byte[] b, int off, int n) {
            add(b, n);
            if (keep) {
                kept.write(b, off, n);
            }
        }
    }

    @Test
    void aStreamedDataSetIsReadIntoThePduBufferAndWrittenFromIt() throws Exception {
        byte[] dataset = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(dataset);
        Arrays readInto = new Arrays();
        Arrays written = new Arrays();
        InputStream source = new java.io.ByteArrayInputStream(dataset) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                if (n > 0) {
                    readInto.add(b, n);
                }
                return n;
            }
        };
        AcceptorPolicy policy = MisbehavingPeerTest.policy(16_384);
        try (TestScp scp = new TestScp(policy, Timeouts.DEFAULT, dir)) {
            AAssociateRQ rq = DicomClient.request("COPIES", "BEACON");
            rq.addPresentationContext(PresentationContext.rq(1, UID.SecondaryCaptureImageStorage,
                    UID.ExplicitVRLittleEndian));
            try (DicomClient c = DicomClient.connect(recording(written), "127.0.0.1", scp.port(), rq,
                    Timeouts.DEFAULT)) {
                var rsp = c.store(UID.SecondaryCaptureImageStorage, "1.2.3.9", UID.ExplicitVRLittleEndian,
                        (out, ts) -> DataWriter.copy(source, out));
                assertEquals(Status.SUCCESS, rsp.status());
                c.release();
            }
        }
        assertEquals(dataset.length, readInto.bytes);
        assertTrue(written.seen.containsAll(readInto.seen),
                "every array the data set was read into went to the socket itself: no copy in between");
        assertEquals(1, readInto.seen.size(), "one PDU buffer, reused");
        // the data set arrived whole (the receiver side: socket -> 64 KiB read buffer -> consumer)
        byte[] stored = Files.readAllBytes(dir.resolve("1.2.3.9.dcm"));
        assertTrue(java.util.Arrays.equals(dataset, 0, dataset.length,
                stored, stored.length - dataset.length, stored.length));
    }

    /** Sockets whose output records the arrays written to them. */
    static SocketFactory recording(Arrays written) {
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new Socket() {
                    private OutputStream out;

                    @Override
                    public synchronized OutputStream getOutputStream() throws IOException {
                        if (out == null) {
                            out = new FilterOutputStream(super.getOutputStream()) {
                                @Override
                                public void write(byte[] b, int off, int len) throws IOException {
                                    written.add(b, off, len);
                                    out.write(b, off, len);
                                }
                            };
                        }
                        return out;
                    }
                };
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                Socket s = createSocket();
                s.connect(new java.net.InetSocketAddress(host, port));
                return s;
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return createSocket(host.getHostAddress(), port);
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
