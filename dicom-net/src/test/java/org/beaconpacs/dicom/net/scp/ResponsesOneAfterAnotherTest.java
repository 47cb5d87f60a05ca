package org.beaconpacs.dicom.net.scp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.association.AcceptorPolicy;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.junit.jupiter.api.Test;

/** A response after a longer one carries nothing of it: the buffers reused between messages start clean. */
class ResponsesOneAfterAnotherTest {

    @Test
    void aSuccessAfterAFailureWithAnErrorCommentHasNoErrorComment() throws Exception {
        AtomicInteger n = new AtomicInteger();
        DimseDispatcher dispatcher = new DimseDispatcher().on(CommandField.N_CREATE_RQ, "*", (m, responder) -> {
            if (m.data() != null) {
                m.data().close();
            }
            Command rq = m.command();
            if (n.getAndIncrement() == 0) {
                responder.respond(rq.response(Status.MISSING_ATTRIBUTE_VALUE, false)
                        .setErrorComment("no value in PerformedStationAETitle (0040,0241)")
                        .setAttributeIdentifierList(Tag.PerformedStationAETitle), null);
            } else {
                responder.respond(rq.response(Status.SUCCESS, false).setAffectedSopInstanceUid("1.2.3.4"), null);
            }
        });
        AcceptorPolicy policy = AcceptorPolicy.builder().calledAeTitles("BEACON")
                .accept(UID.ModalityPerformedProcedureStep, UID.ImplicitVRLittleEndian).build();
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
            rq.addPresentationContext(PresentationContext.rq(1, UID.ModalityPerformedProcedureStep,
                    UID.ImplicitVRLittleEndian));
            try (DicomClient c = DicomClient.connect("127.0.0.1", server.getLocalPort(), rq, Timeouts.DEFAULT)) {
                Attributes a = new Attributes();
                a.setString(Tag.Modality, VR.CS, "CT");
                Command first = c.nCreate(UID.ModalityPerformedProcedureStep, "1.2.3.4", a).command();
                assertEquals(Status.MISSING_ATTRIBUTE_VALUE, first.status());
                Command second = c.nCreate(UID.ModalityPerformedProcedureStep, "1.2.3.4", a).command();
                assertEquals(Status.SUCCESS, second.status());
                assertNull(second.errorComment(), "nothing of the earlier response");
                c.release();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
