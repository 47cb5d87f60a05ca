package org.beaconpacs.dicom.net.association;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.beaconpacs.dicom.net.pdu.PDUEncoder;
import org.beaconpacs.dicom.net.pdu.PDUType;
import org.junit.jupiter.api.Test;

/** The acceptor's side of a release collision (Sta7 -> Sta10 -> Sta12 -> Sta13), and the DEBUG trace of states. */
class StateMachineTest {

    @Test
    void acceptorSideReleaseCollisionIsTracedStateByState() throws Exception {
        Logger jul = Logger.getLogger("org.beaconpacs.dicom.net.association");
        List<String> trace = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                trace.add(String.valueOf(r.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previous = jul.getLevel();
        jul.setLevel(Level.FINE);
        jul.addHandler(capture);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket requestor = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            OutputStream out = requestor.getOutputStream();
            out.write(MisbehavingPeerTest.associateRq(16_384));
            Association acceptor = Association.accept(accepted, NegotiationTest.base().calledAeTitles("BEACON")
                    .build(), MisbehavingPeerTest.FAST);
            DataInputStream in = new DataInputStream(requestor.getInputStream());
            assertEquals(PDUType.A_ASSOCIATE_AC, MisbehavingPeerTest.readPdu(in));

            Thread releasing = new Thread(() -> {
                try {
                    acceptor.release();
                } catch (java.io.IOException e) {
                    trace.add("release failed: " + e);
                }
            });
            releasing.start();
            assertEquals(PDUType.A_RELEASE_RQ, MisbehavingPeerTest.readPdu(in)); // the acceptor releases...
            out.write(PDUEncoder.releaseRQ());               // ...and so does the requestor: collision
            out.write(PDUEncoder.releaseRP());               // the requestor answers first (PS3.8 9.2.7)
            assertEquals(PDUType.A_RELEASE_RP, MisbehavingPeerTest.readPdu(in));   // then the acceptor
            requestor.close();
            releasing.join(10_000);
            assertEquals(State.STA1, acceptor.state());
            String log = String.join("\n", trace);
            assertTrue(log.contains("transport connection accepted, Sta2"), log);
            for (String state : List.of("Sta3", "Sta6", "Sta7", "Sta10", "Sta12", "Sta13", "Sta1 ")) {
                assertTrue(log.contains("-> " + state), "trace shows " + state + ":\n" + log);
            }
        } finally {
            jul.removeHandler(capture);
            jul.setLevel(previous);
        }
    }
}
