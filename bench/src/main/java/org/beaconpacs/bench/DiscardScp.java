package org.beaconpacs.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.dict.UIDDictionary;
import org.beaconpacs.dicom.net.association.AcceptorPolicy;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.scp.AssociationHandler;
import org.beaconpacs.dicom.net.scp.DimseDispatcher;
import org.beaconpacs.dicom.net.scp.EchoScp;

/**
 * A C-STORE SCP on dicom-net that reads and discards every data set: the protocol-level counterpart of
 * {@code storescp --ignore}. Usage: {@code DiscardScp <port>}; runs until killed.
 */
public final class DiscardScp {

    private DiscardScp() {
    }

    public static void main(String[] args) throws IOException {
        AcceptorPolicy.Builder policy = AcceptorPolicy.builder()
                .accept(UID.Verification, UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian);
        for (String cuid : UIDDictionary.storageSopClasses()) {
            policy.accept(cuid, "*");
        }
        DimseDispatcher dispatcher = new DimseDispatcher()
                .on(CommandField.C_ECHO_RQ, "*", new EchoScp())
                .on(CommandField.C_STORE_RQ, "*", (m, responder) -> {
                    m.data().transferTo(java.io.OutputStream.nullOutputStream());
                    responder.respond(Status.SUCCESS);
                });
        ExecutorService threads = Executors.newCachedThreadPool();
        AssociationHandler handler = new AssociationHandler(policy.build(), dispatcher, threads, Timeouts.DEFAULT);
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket s = server.accept();
                threads.execute(() -> handler.serve(s));
            }
        }
    }
}
