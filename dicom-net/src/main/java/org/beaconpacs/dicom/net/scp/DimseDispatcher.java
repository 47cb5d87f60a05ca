package org.beaconpacs.dicom.net.scp;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.beaconpacs.dicom.net.association.Message;
import org.beaconpacs.dicom.net.dimse.Status;

/**
 * Routes requests to handlers by command field and SOP class (PS3.7: the service is the pair).
 * A request nobody handles is answered with 0x0211 unrecognized operation, never left unanswered.
 */
public final class DimseDispatcher implements DimseHandler {

    private final Map<String, DimseHandler> handlers = new HashMap<>();

    /** Handles {@code commandField} requests for {@code sopClass} ("*" for any SOP class). */
    public DimseDispatcher on(int commandField, String sopClass, DimseHandler handler) {
        handlers.put(commandField + "|" + sopClass, handler);
        return this;
    }

    @Override
    public void onRequest(Message message, Responder responder) throws IOException {
        int field = message.command().commandField();
        DimseHandler h = handlers.get(field + "|" + message.command().sopClassUid());
        if (h == null) {
            h = handlers.get(field + "|*");
        }
        if (h == null) {
            responder.respond(message.command().response(Status.UNRECOGNIZED_OPERATION, false)
                    .setErrorComment("no service for this command and SOP class"), null);
            return;
        }
        h.onRequest(message, responder);
    }
}
