package org.beaconpacs.archive.hl7;

import java.util.concurrent.atomic.AtomicLong;

import ca.uhn.hl7v2.util.idgenerator.IDGenerator;

/**
 * Message Control IDs (MSH-10) of our acknowledgements. HAPI's default keeps a counter in a file named
 * {@code id_file} in the server's working directory; this one needs no file: it counts on from the start
 * time in microseconds, so IDs stay unique and ascending across restarts while fewer than a thousand
 * acknowledgements a millisecond are sent, and fit the 20 characters of HL7 v2.3's ST.
 */
final class AckControlIds implements IDGenerator {

    private final AtomicLong last;

    AckControlIds(long startMillis) {
        last = new AtomicLong(startMillis * 1000);
    }

    @Override
    public String getID() {
        return Long.toString(last.incrementAndGet());
    }
}
