package org.beaconpacs.dicom.net.scp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.association.AcceptorPolicy;
import org.beaconpacs.dicom.net.association.DataWriter;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.junit.jupiter.api.Test;

/**
 * An SCP's request to the requestor after its final response, on the requestor's association: the
 * N-EVENT-REPORT of Storage Commitment (PS3.4 J.3.3) when the modality keeps the association open.
 */
class RequestToTheRequestorTest {

    @Test
    void aReportFollowsTheNActionResponseOnTheSameAssociationAndFailsOnceItHasEnded() throws Exception {
        CompletableFuture<Responder> actioned = new CompletableFuture<>();
        DimseDispatcher dispatcher = new DimseDispatcher().on(CommandField.N_ACTION_RQ, "*", (m, responder) -> {
            if (m.data() != null) {
                m.data().close();
            }
            responder.respond(m.command().response(Status.SUCCESS, false), null);
            actioned.complete(responder); // the report goes later, from another thread
        });
        AcceptorPolicy policy = AcceptorPolicy.builder().calledAeTitles("BEACON")
                .accept(UID.StorageCommitmentPushModel, UID.ImplicitVRLittleEndian).build();
        ExecutorService threads = Executors.newCachedThreadPool();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            AssociationHandler handler = new AssociationHandler(policy, dispatcher, threads, Timeouts.DEFAULT);
            threads.execute(() -> {
                try (Socket s = server.accept()) {
                    handler.serve(s);
                } catch (IOException ignored) {
                    // the test ends
                }
            });
            AAssociateRQ rq = DicomClient.request("MODALITY", "BEACON");
            rq.addPresentationContext(PresentationContext.rq(1, UID.StorageCommitmentPushModel,
                    UID.ImplicitVRLittleEndian));
            Responder responder;
            try (DicomClient c = DicomClient.connect("127.0.0.1", server.getLocalPort(), rq, Timeouts.DEFAULT)) {
                Attributes action = new Attributes();
                action.setString(Tag.TransactionUID, VR.UI, "1.2.3.99");
                assertEquals(Status.SUCCESS, c.nAction(UID.StorageCommitmentPushModel,
                        UID.StorageCommitmentPushModelInstance, 1, action).status());
                responder = actioned.get(5, TimeUnit.SECONDS);
                assertTrue(responder.isAssociationOpen());

                // waits that end with nothing (told to stop; timed out) leave the association in step
                java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
                assertNull(c.awaitRequest(Duration.ofMinutes(1), () -> asked.incrementAndGet() > 2));
                assertEquals(3, asked.get(), "asked whether to go on waiting until it said enough");
                assertNull(c.awaitRequest(Duration.ofMillis(300)), "nothing came in time");

                Attributes report = new Attributes();
                report.setString(Tag.TransactionUID, VR.UI, "1.2.3.99");
                CompletableFuture<Command> sent = CompletableFuture.supplyAsync(() -> {
                    try {
                        return responder.invoke(Command.nEventReportRQ(responder.association().nextMessageId(),
                                UID.StorageCommitmentPushModel, UID.StorageCommitmentPushModelInstance, 1, true),
                                DataWriter.of(report));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, threads);
                DicomClient.PeerRequest received = c.awaitRequest(Duration.ofSeconds(5));
                assertNotNull(received, "the N-EVENT-REPORT on the N-ACTION's association");
                assertEquals(CommandField.N_EVENT_REPORT_RQ, received.command().commandField());
                assertEquals(1, received.command().eventTypeId());
                assertEquals("1.2.3.99", received.data().getString(Tag.TransactionUID));
                c.respond(received, Status.SUCCESS);
                assertEquals(Status.SUCCESS, sent.get(5, TimeUnit.SECONDS).status());
                c.release();
            }
            for (int i = 0; i < 100 && responder.isAssociationOpen(); i++) {
                Thread.sleep(20);
            }
            assertFalse(responder.isAssociationOpen(), "released");
            assertThrows(IOException.class, () -> responder.invoke(Command.nEventReportRQ(
                    responder.association().nextMessageId(), UID.StorageCommitmentPushModel,
                    UID.StorageCommitmentPushModelInstance, 1, false), null));
        } finally {
            threads.shutdownNow();
        }
    }
}
