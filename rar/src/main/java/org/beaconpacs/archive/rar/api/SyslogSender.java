package org.beaconpacs.archive.rar.api;

import java.io.IOException;

/** A connection to a syslog collector (an audit repository), opened by the adapter. */
public interface SyslogSender extends AutoCloseable {

    /**
     * Sends one RFC 5424 message with {@code msg} as its MSG part; returns when it is handed to the network
     * (for TLS: written and flushed on the connection).
     *
     * @param severity the RFC 5424 severity (5 notice, 4 warning)
     * @param msgId the MSGID field
     */
    void send(int severity, String msgId, byte[] msg) throws IOException;

    @Override
    void close();
}
