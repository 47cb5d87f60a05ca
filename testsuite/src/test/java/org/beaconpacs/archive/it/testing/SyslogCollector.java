package org.beaconpacs.archive.it.testing;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;

/**
 * An audit repository for the tests: a syslog collector over TLS (RFC 5425, octet counting, with the test
 * PKI's server key) or UDP (RFC 5426). Every message is checked on arrival: an RFC 5424 header with facility
 * 10 and MSGID IHE+RFC-3881, then a BOM and an XML document valid under docs/audit/audit-message.xsd.
 */
public final class SyslogCollector implements AutoCloseable {

    /** One message as received. */
    public record Message(String header, String xml, Document document) {
        public String eventId() {
            return ((org.w3c.dom.Element) document.getElementsByTagName("EventID").item(0)).getAttribute("csd-code");
        }
    }

    private static final Schema SCHEMA = schema();
    private final String protocol;
    private final int port;
    private final List<Message> received = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile DatagramSocket datagrams;

    public SyslogCollector(String protocol, int port) {
        this.protocol = protocol;
        this.port = port;
    }

    public static String protocol() {
        return System.getProperty("test.audit.protocol", "tls");
    }

    public static int port() {
        return Integer.parseInt(System.getProperty("test.audit.port", "16514"));
    }

    public static Path pki() {
        return Path.of(System.getProperty("test.pki", "target/pki"));
    }

    public synchronized SyslogCollector start() throws Exception {
        if ("udp".equals(protocol)) {
            DatagramSocket d = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            datagrams = d;
            Thread t = new Thread(() -> receiveDatagrams(d), "syslog-udp");
            t.setDaemon(true);
            t.start();
        } else {
            ServerSocket s = tls().getServerSocketFactory().createServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = s;
            Thread t = new Thread(() -> accept(s), "syslog-tls");
            t.setDaemon(true);
            t.start();
        }
        return this;
    }

    /** Stops listening and drops the open connections, as a repository that goes down. */
    public void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        if (datagrams != null) {
            datagrams.close();
            datagrams = null;
        }
        for (Socket c : connections) {
            c.close();
        }
        connections.clear();
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    public synchronized List<Message> received() {
        return List.copyOf(received);
    }

    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** The first message received that {@code matches}, waiting up to {@code timeout} for it. */
    public Message await(Predicate<Message> matches, Duration timeout, String what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Message m : received()) {
                if (matches.test(m)) {
                    return m;
                }
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no audit message " + what + " within " + timeout + "; received "
                        + received().size() + ", problems " + problems());
            }
            Thread.sleep(100);
        }
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket c = s.accept();
                connections.add(c);
                Thread t = new Thread(() -> read(c), "syslog-tls-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** RFC 5425 framing: MSG-LEN SP SYSLOG-MSG, again and again. */
    private void read(Socket c) {
        try (c; DataInputStream in = new DataInputStream(c.getInputStream())) {
            while (true) {
                int length = 0;
                for (int b = in.read(); b != ' '; b = in.read()) {
                    if (b < '0' || b > '9') {
                        if (b < 0 && length == 0) {
                            return; // closed between messages
                        }
                        throw new IOException("bad frame length byte " + b);
                    }
                    length = length * 10 + b - '0';
                }
                byte[] message = new byte[length];
                in.readFully(message);
                accept(message);
            }
        } catch (EOFException e) {
            problem("a connection ended inside a message");
        } catch (IOException e) {
            if (!connections.isEmpty() && connections.contains(c)) {
                problem("connection: " + e);
            }
        } catch (RuntimeException e) {
            problem("collector: " + e);
        } finally {

            connections.remove(c);
        }
    }

    private void receiveDatagrams(DatagramSocket d) {
        byte[] buffer = new byte[65_536];
        while (!d.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                d.receive(p);
                accept(java.util.Arrays.copyOf(p.getData(), p.getLength()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void accept(byte[] message) {
        int bom = indexOfBom(message);
        if (bom < 0) {
            problem("no BOM before the MSG: " + new String(message, StandardCharsets.UTF_8));
            return;
        }
        String header = new String(message, 0, bom, StandardCharsets.US_ASCII);
        String[] fields = header.split(" ");
        if (!header.startsWith("<85>1 ") && !header.startsWith("<84>1 ")) {
            problem("not facility 10 with severity notice or warning, RFC 5424 version 1: " + header);
        }
        if (fields.length < 7 || !"IHE+RFC-3881".equals(fields[5]) || !"-".equals(fields[6])) {
            problem("MSGID is not IHE+RFC-3881 or structured data present: " + header);
        }
        byte[] xml = java.util.Arrays.copyOfRange(message, bom + 3, message.length);
        try {
            SCHEMA.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
            Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml));
            synchronized (this) {
                received.add(new Message(header, new String(xml, StandardCharsets.UTF_8), d));
            }
        } catch (Exception e) {
            problem("invalid message (" + e.getMessage() + "): " + new String(xml, StandardCharsets.UTF_8));
        }
    }

    private synchronized void problem(String p) {
        problems.add(p);
    }

    private static int indexOfBom(byte[] m) {
        for (int i = 0; i + 2 < m.length; i++) {
            if (m[i] == (byte) 0xEF && m[i + 1] == (byte) 0xBB && m[i + 2] == (byte) 0xBF) {
                return i;
            }
        }
        return -1;
    }

    private static SSLContext tls() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(pki().resolve("server.p12").toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static Schema schema() {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(Path.of("../docs/audit/audit-message.xsd").toFile());
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException(e);
        }
    }
}
