package org.beaconpacs.archive.hl7;

import java.nio.charset.Charset;
import java.time.Instant;
import org.beaconpacs.archive.entity.hl7.Hl7LogEntry;

/** One message of the HL7 log as the console and REST show it; its segments one per line. */
public record Hl7Summary(long id, Instant received, String remoteHost, String sendingApplication,
                         String sendingFacility, String messageType, String controlId, String ackCode, String detail,
                         String message) {

    static Hl7Summary of(Hl7LogEntry e, Charset charset) {
        return new Hl7Summary(e.getId(), e.getReceived(), e.getRemoteHost(), e.getSendingApplication(),
                e.getSendingFacility(), e.getMessageType(), e.getControlId(), e.getAckCode(), e.getDetail(),
                new String(e.getPayload(), charset).replace('\r', '\n').strip());
    }
}
