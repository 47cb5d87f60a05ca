package org.beaconpacs.dicom.net.scp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.association.AcceptorPolicy;
import org.beaconpacs.dicom.net.association.Association;
import org.beaconpacs.dicom.net.association.AssociationException;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRJ;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The acceptor's monitor sees what an activity record needs, and terminate() ends an association from outside. */
class AssociationMonitorTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Association established;
    private volatile long received;
    private volatile long sent;

    private final AssociationMonitor monitor = new AssociationMonitor() {
        @Override
        public void rejected(Socket socket, AAssociateRQ rq, AAssociateRJ rj) {
            events.add("rejected " + rq.callingAeTitle() + " " + rj.reasonText());
            ended.countDown();
        }

        @Override
        public void failed(Socket socket, String why) {
            events.add("failed");
            ended.countDown();
        }

        @Override
        public void established(Association association) {
            established = association;
            events.add("established " + association.associateRequest().callingAeTitle());
        }

        @Override
        public void request(Association association, Command request) {
            events.add("request " + request.messageId());
        }

        @Override
        public void responded(Association association, Command request, Command response, long nanos) {
            events.add("responded " + request.messageId() + " " + Status.toString(response.status()));
        }

        @Override
        public void ended(Association association, Ending ending, String detail) {
            received = association.bytesReceived();
            sent = association.bytesSent();
            events.add("ended " + ending);
            ended.countDown();
        }
    };

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private int serveOne(AcceptorPolicy policy) throws IOException {
        ServerSocket server = new ServerSocket(0);
        threads.execute(() -> {
            try (server; Socket s = server.accept()) {
                new AssociationHandler(policy, new EchoScp(), threads, Timeouts.DEFAULT, monitor).serve(s);
            } catch (IOException ignored) {
                // the test fails on its own assertions
            }
        });
        return server.getLocalPort();
    }

    private static AAssociateRQ echoRequest(String calling) {
        AAssociateRQ rq = DicomClient.request(calling, "BEACON");
        rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
        return rq;
    }

    private static AcceptorPolicy policy() {
        return AcceptorPolicy.builder().calledAeTitles("BEACON").callingAeTitles(java.util.Set.of("FRIEND"))
                .accept(UID.Verification, UID.ImplicitVRLittleEndian).build();
    }

    @Test
    void aReleasedAssociationIsSeenFromEstablishmentToItsEndWithItsBytes() throws Exception {
        int port = serveOne(policy());
        try (DicomClient c = DicomClient.connect("127.0.0.1", port, echoRequest("FRIEND"), Timeouts.DEFAULT)) {
            assertEquals(Status.SUCCESS, c.echo());
            c.release();
        }
        assertTrue(ended.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("established FRIEND", "request 1", "responded 1 " + Status.toString(Status.SUCCESS),
                "ended RELEASED"), events);
        // A-ASSOCIATE-RQ, P-DATA (C-ECHO-RQ), A-RELEASE-RQ in; AC, P-DATA (RSP), RELEASE-RP out
        assertTrue(received > 150 && sent > 150, received + " in, " + sent + " out");
    }

    @Test
    void aRejectionIsSeenWithTheRequestAndItsReason() throws Exception {
        int port = serveOne(policy());
        assertThrows(AssociationException.class,
                () -> DicomClient.connect("127.0.0.1", port, echoRequest("STRANGER"), Timeouts.DEFAULT));
        assertTrue(ended.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("rejected STRANGER calling AE title not recognized"), events);
    }

    @Test
    void terminateAbortsAnEstablishedAssociationFromAnotherThread() throws Exception {
        int port = serveOne(policy());
        try (DicomClient c = DicomClient.connect("127.0.0.1", port, echoRequest("FRIEND"), Timeouts.DEFAULT)) {
            assertEquals(Status.SUCCESS, c.echo());
            established.terminate();
            AssociationException e = assertThrows(AssociationException.class, c::echo);
            assertTrue(e.abort() != null || e.getMessage().contains("closed"), e.getMessage());
        }
        assertTrue(ended.await(10, TimeUnit.SECONDS));
        assertTrue(events.get(events.size() - 1).startsWith("ended "), events.toString());
    }
}
