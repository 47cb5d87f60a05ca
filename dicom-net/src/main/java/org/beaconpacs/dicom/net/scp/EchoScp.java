package org.beaconpacs.dicom.net.scp;

import java.io.IOException;
import org.beaconpacs.dicom.net.association.Message;
import org.beaconpacs.dicom.net.dimse.Status;

/** The Verification SCP (PS3.4 Annex A): a C-ECHO-RQ gets a C-ECHO-RSP with success. */
public final class EchoScp implements DimseHandler {
    @Override
    public void onRequest(Message message, Responder responder) throws IOException {
        responder.respond(Status.SUCCESS);
    }
}
