package org.beaconpacs.archive.audit;

import org.beaconpacs.archive.config.Settings;
import org.beaconpacs.archive.rar.api.SyslogTransport;

/**
 * Where audit messages go (README "Audit trail"): {@code BEACON_AUDIT_HOST}, {@code _PORT} and {@code _PROTOCOL}
 * name the audit repository (none: the messages are only kept for the console), {@code BEACON_AUDIT_SOURCE_ID}
 * and {@code _SITE_ID} how this server signs them, {@code BEACON_AUDIT_QUEUE} how many may wait to be written.
 */
public record AuditSettings(String host, int port, SyslogTransport transport, String sourceId, String siteId,
                            int queueSize, long retryMillis) {

    public static AuditSettings fromSystem() {
        String host = System.getProperty("beacon.audit.host", "").strip();
        String protocol = System.getProperty("beacon.audit.protocol", "tls").strip();
        SyslogTransport transport;
        try {
            transport = SyslogTransport.valueOf(protocol.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("BEACON_AUDIT_PROTOCOL must be tls or udp, not " + protocol);
        }
        int defaultPort = transport == SyslogTransport.TLS ? 6514 : 514;
        String port = System.getProperty("beacon.audit.port", "").strip();
        String sourceId = System.getProperty("beacon.audit.source-id", "").strip();
        return new AuditSettings(host, port.isEmpty() ? defaultPort : Integer.parseInt(port), transport,
                sourceId.isEmpty() ? Settings.localAeTitle() : sourceId,
                System.getProperty("beacon.audit.site-id", "").strip(),
                Integer.parseInt(System.getProperty("beacon.audit.queue", "10000").strip()),
                Long.parseLong(System.getProperty("beacon.audit.retry-millis", "5000").strip()));
    }

    /** Whether messages go to an audit repository. */
    public boolean forwarding() {
        return !host.isEmpty();
    }
}
