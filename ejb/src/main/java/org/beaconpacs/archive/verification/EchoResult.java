package org.beaconpacs.archive.verification;

/**
 * The outcome of a C-ECHO to a remote AE: success with its round-trip time, or why not, in words an
 * administrator understands.
 *
 * @param status the C-ECHO-RSP status, or null when no response came
 * @param millis the time from connecting to the response (association included)
 */
public record EchoResult(String aeTitle, String host, int port, boolean success, Integer status, long millis,
                         String reason) {
}
