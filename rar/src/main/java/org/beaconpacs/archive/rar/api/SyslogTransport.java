package org.beaconpacs.archive.rar.api;

/** How syslog messages travel to a collector. */
public enum SyslogTransport {
    /** RFC 5425: TLS over TCP, each message framed by its octet count. */
    TLS,
    /** RFC 5426: one message per UDP datagram, unacknowledged. */
    UDP
}
