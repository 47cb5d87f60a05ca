package org.beaconpacs.archive.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.transaction.xa.XAResource;
import org.beaconpacs.archive.rar.api.AssociationReport;
import org.beaconpacs.archive.rar.api.DicomConfiguration;
import org.beaconpacs.archive.rar.api.DimseListener;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.archive.rar.api.LocalAe;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.association.AssociationException;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRJ;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scp.Responder;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter outside the server: listeners follow the configuration, requests reach the endpoint. */
class BeaconResourceAdapterTest {

    private final ThreadWorkManager container = new ThreadWorkManager();
    private final BeaconResourceAdapter adapter = new BeaconResourceAdapter();
    private final BlockingQueue<AssociationReport> reports = new LinkedBlockingQueue<>();
    private final Factory factory = new Factory();

    @BeforeEach
    void start() {
        adapter.setMaxAssociations(2);
        adapter.start(container);
    }

    @AfterEach
    void stop() {
        adapter.stop();
        container.pool.shutdownNow();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static DicomConfiguration config(boolean acceptUnknown, LocalAe... aes) {
        return new DicomConfiguration(List.of(aes), Set.of("FRIEND"), acceptUnknown,
                Map.of(UID.Verification, Set.of("*")), Set.of(), Map.of(), true, Map.of());
    }

    private static DicomClient associate(int port, String calling, String called) throws IOException {
        AAssociateRQ rq = DicomClient.request(calling, called);
        rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
        return DicomClient.connect("127.0.0.1", port, rq, Timeouts.DEFAULT);
    }

    /**
     * Whether {@code port} stops listening within a second: closing a server socket while its thread is
     * blocked in accept() releases the descriptor only when that thread wakes (NioSocketImpl), so a
     * connect in between may still land in the backlog.
     */
    private static boolean closesSoon(int port) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            if (!listening(port)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            // a connect to a closed loopback port may meet itself (TCP simultaneous open): not a listener
            return s.getLocalPort() != port;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void requestsReachTheEndpointAndEveryAssociationIsReported() throws Exception {
        int port = freePort();
        adapter.configure(config(true, new LocalAe("BEACON", "127.0.0.1", port, false)));
        adapter.endpointActivation(factory, new DimseActivationSpec());
        try (DicomClient c = associate(port, "ANYONE", "BEACON")) {
            assertEquals(Status.SUCCESS, c.echo());
            c.release();
        }
        AssociationReport r = reports.poll(10, TimeUnit.SECONDS);
        assertNotNull(r);
        assertEquals(AssociationReport.Outcome.RELEASED, r.outcome());
        assertEquals("ANYONE", r.association().callingAeTitle());
        assertEquals(Map.of("C-ECHO-RQ", 1), r.requestCounts());
        assertEquals(Status.SUCCESS, r.trace().get(0).status());
        assertEquals(0, r.negotiation().contexts().get(0).result());
    }

    @Test
    void aListenerOpensOnlyOnceTheArchivesEndpointIsActive() throws Exception {
        int port = freePort();
        adapter.configure(config(true, new LocalAe("BEACON", "127.0.0.1", port, false)));
        assertFalse(listening(port), "nothing would answer an association yet");
        adapter.endpointActivation(factory, new DimseActivationSpec());
        assertTrue(listening(port));
        try (DicomClient c = associate(port, "ANYONE", "BEACON")) {
            assertEquals(Status.SUCCESS, c.echo(), "the first association after the port opened is served");
            c.release();
        }
    }

    @Test
    void fromTheStartOfAnUndeployAssociationsAreRejectedAsTransientAndOpenOnesAbortedNeverFailed() throws Exception {
        int port = freePort();
        adapter.endpointActivation(factory, new DimseActivationSpec());
        adapter.configure(config(true, new LocalAe("BEACON", "127.0.0.1", port, false)));
        try (DicomClient open = associate(port, "ANYONE", "BEACON")) {
            assertEquals(Status.SUCCESS, open.echo());
            adapter.endpointDeactivation(factory, new DimseActivationSpec());
            AssociationException later = assertThrows(AssociationException.class,
                    () -> associate(port, "ANYONE", "BEACON"));
            assertEquals(AAssociateRJ.localLimitExceeded(), later.rejection(), "transient: the sender tries again");
            assertThrows(IOException.class, open::echo, "aborted, not answered with a failure status");
        }
        adapter.endpointActivation(factory, new DimseActivationSpec());
        try (DicomClient c = associate(port, "ANYONE", "BEACON")) {
            assertEquals(Status.SUCCESS, c.echo(), "served again once an endpoint is back");
            c.release();
        }
    }

    @Test
    void theUndeployWaitsForTheRequestsUnderWayBeforeTheServicesStop() throws Exception {
        int port = freePort();
        adapter.endpointActivation(factory, new DimseActivationSpec());
        adapter.configure(config(true, new LocalAe("BEACON", "127.0.0.1", port, false)));
        gate = new java.util.concurrent.CountDownLatch(1);
        try (DicomClient c = associate(port, "ANYONE", "BEACON")) {
            java.util.concurrent.CompletableFuture<Integer> echo = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return c.echo();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            assertTrue(requestArrived.await(10, TimeUnit.SECONDS));
            Thread deactivation = new Thread(() -> adapter.endpointDeactivation(factory, new DimseActivationSpec()));
            deactivation.start();
            deactivation.join(500);
            assertTrue(deactivation.isAlive(), "the services are not let go while a request is under way");
            gate.countDown();
            deactivation.join(10_000);
            assertFalse(deactivation.isAlive());
            assertEquals(Status.SUCCESS, echo.get(10, TimeUnit.SECONDS), "the request under way is answered");
        }
    }

    @Test
    void listenersFollowTheConfiguration() throws Exception {
        int first = freePort();
        int second = freePort();
        adapter.endpointActivation(factory, new DimseActivationSpec());
        adapter.configure(config(true, new LocalAe("BEACON", "127.0.0.1", first, false)));
        assertTrue(listening(first));
        adapter.configure(config(true, new LocalAe("BEACON", "127.0.0.1", second, false),
                new LocalAe("OTHER", "127.0.0.1", second, false)));
        assertTrue(closesSoon(first), "the old port closed");
        try (DicomClient c = associate(second, "ANYONE", "OTHER")) {
            assertEquals(Status.SUCCESS, c.echo(), "two AEs share a port");
            c.release();
        }
        assertEquals(List.of("BEACON", "OTHER"), adapter.listenerStates().get(0).aeTitles());
        adapter.stop();
        assertTrue(closesSoon(second), "stop closes every listener");
    }

    @Test
    void unknownCallingAesAndTheAssociationLimitAreRejected() throws Exception {
        int port = freePort();
        adapter.endpointActivation(factory, new DimseActivationSpec());
        adapter.configure(config(false, new LocalAe("BEACON", "127.0.0.1", port, false)));
        AssociationException stranger = assertThrows(AssociationException.class,
                () -> associate(port, "STRANGER", "BEACON"));
        assertEquals("calling AE title not recognized", stranger.rejection().reasonText());
        // the rejected connection counts until the acceptor has seen it closed (Sta13): wait for that
        for (int i = 0; i < 100 && adapter.openAssociations() > 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(0, adapter.openAssociations());
        try (DicomClient a = associate(port, "FRIEND", "BEACON"); DicomClient b = associate(port, "FRIEND", "BEACON")) {
            AssociationException third = assertThrows(AssociationException.class,
                    () -> associate(port, "FRIEND", "BEACON"));
            assertEquals("local limit exceeded", third.rejection().reasonText());
            a.release();
            b.release();
        }
    }

    @Test
    void stopAbortsRunningAssociations() throws Exception {
        int port = freePort();
        adapter.setShutdownSeconds(0);
        adapter.endpointActivation(factory, new DimseActivationSpec());
        adapter.configure(config(true, new LocalAe("BEACON", "127.0.0.1", port, false)));
        try (DicomClient c = associate(port, "ANYONE", "BEACON")) {
            assertEquals(Status.SUCCESS, c.echo());
            adapter.stop();
            assertThrows(IOException.class, c::echo);
        }
    }

    /**
     * A TLS local AE: the listener and outbound associations take their sockets from the adapter's TLS profile,
     * outside WildFly the JVM's default SSLContext (here: a key made by keytool; in WildFly Elytron's).
     */
    @Test
    void aTlsListenerAndATlsOutboundAssociationUseTheDefaultSslContext(@TempDir Path dir) throws Exception {
        KeyStore ks = org.beaconpacs.dicom.net.testing.TestKeys.selfSigned(dir);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "secret".toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        SSLContext.setDefault(tls);

        int port = freePort();
        adapter.endpointActivation(factory, new DimseActivationSpec());
        adapter.configure(config(true, new LocalAe("SECURE", "127.0.0.1", port, true)));
        AAssociateRQ rq = DicomClient.request("ANYONE", "SECURE");
        rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
        DicomClient c = adapter.outbound().open("localhost", port, adapter.tls().socketFactory(), rq,
                Timeouts.DEFAULT);
        assertTrue(c.association().socket() instanceof javax.net.ssl.SSLSocket);
        assertEquals(Status.SUCCESS, c.echo());
        c.release();
        adapter.outbound().close(c);
        assertTrue(adapter.listenerStates().get(0).tls());
        assertThrows(IOException.class, () -> associate(port, "PLAIN", "SECURE"), "no plain DICOM on a TLS port");
    }

    /** While set, the endpoint holds each request until it opens (a store that takes its time). */
    private volatile java.util.concurrent.CountDownLatch gate;
    private final java.util.concurrent.CountDownLatch requestArrived = new java.util.concurrent.CountDownLatch(1);

    /** The MDB stand-in: answers C-ECHO and keeps the reports. */
    private final class Endpoint implements DimseListener, MessageEndpoint {
        @Override
        public void onRequest(DimseRequest request, Responder responder) {
            try {
                requestArrived.countDown();
                if (gate != null) {
                    gate.await();
                }
                responder.respond(Status.SUCCESS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void onAssociationEnd(AssociationReport report) {
            reports.add(report);
        }

        @Override
        public void beforeDelivery(Method method) {
        }

        @Override
        public void afterDelivery() {
        }

        @Override
        public void release() {
        }
    }

    private final class Factory implements MessageEndpointFactory {
        @Override
        public MessageEndpoint createEndpoint(XAResource xa) {
            return new Endpoint();
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xa, long timeout) throws UnavailableException {
            return new Endpoint();
        }

        @Override
        public boolean isDeliveryTransacted(Method method) {
            return false;
        }

        @Override
        public String getActivationName() {
            return "test";
        }

        @Override
        public Class<?> getEndpointClass() {
            return Endpoint.class;
        }
    }
}
