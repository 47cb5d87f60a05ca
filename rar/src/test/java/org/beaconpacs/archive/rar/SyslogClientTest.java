package org.beaconpacs.archive.rar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.beaconpacs.archive.rar.api.SyslogTransport;
import org.junit.jupiter.api.Test;

class SyslogClientTest {

    @Test
    void udpSendsOneRfc5424MessagePerDatagramWithBomBeforeTheMessage() throws Exception {
        try (DatagramSocket collector = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            collector.setSoTimeout(5000);
            try (SyslogClient client = SyslogClient.open("127.0.0.1", collector.getLocalPort(), SyslogTransport.UDP,
                    "beacon", null)) {
                client.send(5, "IHE+RFC-3881", "<AuditMessage/>".getBytes(StandardCharsets.UTF_8));
                client.send(4, "IHE+RFC-3881", "<b/>".getBytes(StandardCharsets.UTF_8));
            }
            byte[] buffer = new byte[2048];
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            collector.receive(p);
            String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            String[] header = text.split(" ", 8);
            assertEquals("<85>1", header[0], "facility 10, severity notice, version 1");
            assertTrue(header[1].endsWith("Z"), header[1]);
            assertEquals("beacon", header[3]);
            assertEquals(Long.toString(ProcessHandle.current().pid()), header[4]);
            assertEquals("IHE+RFC-3881", header[5]);
            assertEquals("-", header[6], "no structured data");
            assertEquals("\uFEFF<AuditMessage/>", header[7]);
            collector.receive(p);
            assertTrue(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8).startsWith("<84>1 "),
                    "a failure's message is a warning");
        }
    }

    @Test
    void theHeaderIsFixedFieldsAndTheMessageItsBytes() throws Exception {
        try (SyslogClient client = SyslogClient.open("127.0.0.1", 9, SyslogTransport.UDP, "beacon pacs", null)) {
            byte[] m = client.format(5, "IHE+RFC-3881", new byte[] {1, 2}, Instant.parse("2026-12-03T10:15:30.5Z"));
            String s = new String(m, StandardCharsets.ISO_8859_1);
            assertTrue(s.startsWith("<85>1 2026-12-03T10:15:30.500Z "), s);
            assertTrue(s.contains(" beacon_pacs "), "a space in a field becomes _: " + s);
            assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 1, 2},
                    Arrays.copyOfRange(m, m.length - 5, m.length));
        }
        assertEquals("-", SyslogClient.field("", 10));
        assertEquals("abc", SyslogClient.field("abcdef", 3));
    }

    @Test
    void aMessageTooLargeForADatagramIsRefusedNotCut() throws Exception {
        try (SyslogClient client = SyslogClient.open("127.0.0.1", 9, SyslogTransport.UDP, "beacon", null)) {
            assertThrows(IOException.class, () -> client.send(5, "IHE+RFC-3881", new byte[70_000]));
        }
    }

    @Test
    void anUnknownHostIsAnIoException() {
        assertThrows(IOException.class, () -> SyslogClient.open("no-such-host.invalid", 514, SyslogTransport.UDP,
                "beacon", null));
    }
}
