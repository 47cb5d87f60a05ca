package org.beaconpacs.dicom.net.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.FileMetaInformation;
import org.beaconpacs.dicom.net.association.AcceptorPolicy;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.scp.AssociationHandler;
import org.beaconpacs.dicom.net.scp.DimseDispatcher;
import org.beaconpacs.dicom.net.scp.EchoScp;

/**
 * A small SCP built on dicom-net for tests: a loopback listener whose threads belong to the test (in
 * the archive, the resource adapter owns listener and threads). It answers C-ECHO and stores each
 * C-STORE as a Part 10 file named by SOP Instance UID, streaming the data set to disk.
 */
public final class TestScp implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger stored = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger cancelled = new AtomicInteger();
    private final Path directory;

    public TestScp(AcceptorPolicy policy, Timeouts timeouts, Path directory) throws IOException {
        this(policy, timeouts, directory, javax.net.ServerSocketFactory.getDefault());
    }

    /** A listener from {@code factory}: plain, or TLS with an SSLServerSocketFactory. */
    public TestScp(AcceptorPolicy policy, Timeouts timeouts, Path directory, javax.net.ServerSocketFactory factory)
            throws IOException {
        this.directory = directory;
        this.server = factory.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        DimseDispatcher dispatcher = new DimseDispatcher()
                .on(CommandField.C_ECHO_RQ, "*", new EchoScp())
                .on(CommandField.C_STORE_RQ, "*", (m, responder) -> {
                    String iuid = m.command().affectedSopInstanceUid();
                    Attributes fmi = FileMetaInformation.create(m.command().affectedSopClassUid(), iuid,
                            m.transferSyntax(), responder.association().associateRequest().callingAeTitle());
                    Path file = directory.resolve(iuid + ".dcm");
                    try (OutputStream out = Files.newOutputStream(file)) {
                        DicomWriter w = new DicomWriter(out);
                        w.writeFileMetaInformation(fmi);
                        w.flush();
                        m.data().transferTo(out);
                    }
                    stored.incrementAndGet();
                    responder.respond(Status.SUCCESS);
                });
        dispatcher.on(CommandField.C_FIND_RQ, "*", (m, responder) -> {
            // five studies, one pending response each, a little apart so a C-CANCEL can overtake them
            for (int i = 1; i <= 5; i++) {
                if (responder.isCancelled()) {
                    cancelled.incrementAndGet();
                    responder.respond(Status.CANCEL);
                    return;
                }
                Attributes match = new Attributes();
                match.setString(org.beaconpacs.dicom.dict.Tag.QueryRetrieveLevel,
                        org.beaconpacs.dicom.data.VR.CS, "STUDY");
                match.setString(org.beaconpacs.dicom.dict.Tag.StudyInstanceUID,
                        org.beaconpacs.dicom.data.VR.UI, "1.2.3.4." + i);
                responder.pending(m.command().response(Status.PENDING, true), (out, ts) -> {
                    DicomWriter w = new DicomWriter(out);
                    w.writeDataset(match, org.beaconpacs.dicom.io.TransferSyntax.of(ts));
                    w.flush();
                });
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            responder.respond(Status.SUCCESS);
        });
        AssociationHandler handler = new AssociationHandler(policy, dispatcher, threads, timeouts);
        threads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    active.incrementAndGet();
                    threads.execute(() -> {
                        try {
                            handler.serve(s);
                        } finally {
                            active.decrementAndGet();
                        }
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections being served right now. */
    public int active() {
        return active.get();
    }

    /** Waits up to {@code millis} for every connection to be finished with; true if they are. */
    public boolean awaitIdle(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (active.get() > 0 && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        return active.get() == 0;
    }

    /** C-FINDs that ended because of a C-CANCEL. */
    public int cancelled() {
        return cancelled.get();
    }

    public int stored() {
        return stored.get();
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
