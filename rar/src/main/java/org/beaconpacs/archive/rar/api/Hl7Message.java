package org.beaconpacs.archive.rar.api;

/** An HL7 v2 message as it came over MLLP: its bytes (segments separated by CR) and where it came from. */
public record Hl7Message(byte[] payload, String remoteHost, int remotePort, int localPort) {
}
