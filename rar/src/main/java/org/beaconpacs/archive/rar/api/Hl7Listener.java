package org.beaconpacs.archive.rar.api;

/**
 * The resource adapter's message listener interface for HL7 v2: what the archive's HL7 endpoint receives
 * from the MLLP listener, one message at a time per connection, on the adapter's threads.
 */
public interface Hl7Listener {

    /** One message as received, its MLLP frame taken off; the acknowledgement to send back (unframed). */
    byte[] onMessage(Hl7Message message);
}
