package org.beaconpacs.dicom.net.scp;

import java.io.IOException;
import org.beaconpacs.dicom.net.association.Message;

/**
 * Serves one DIMSE request. The data set, if any, is {@code message.data()}: a stream the handler
 * reads (or leaves; the rest is skipped). It answers through the responder, before or after returning.
 */
@FunctionalInterface
public interface DimseHandler {
    void onRequest(Message message, Responder responder) throws IOException;
}
