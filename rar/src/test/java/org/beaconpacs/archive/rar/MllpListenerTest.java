package org.beaconpacs.archive.rar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.transaction.xa.XAResource;
import org.beaconpacs.archive.rar.api.Hl7Listener;
import org.beaconpacs.archive.rar.api.Hl7Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HL7 listener: a message in, the endpoint's acknowledgement out, over plain TCP and over TLS. */
class MllpListenerTest {

    @TempDir
    Path dir;

    /** An endpoint that acknowledges with "ACK " and the message. */
    private static final class Echo implements MessageEndpoint, Hl7Listener {
        @Override
        public byte[] onMessage(Hl7Message message) {
            return ("ACK " + new String(message.payload(), StandardCharsets.ISO_8859_1)).getBytes(
                    StandardCharsets.ISO_8859_1);
        }

        @Override
        public void beforeDelivery(Method method) {
        }

        @Override
        public void afterDelivery() {
        }

        @Override
        public void release() {
        }
    }

    private static MessageEndpointFactory endpoints(boolean available) {
        return new MessageEndpointFactory() {
            @Override
            public MessageEndpoint createEndpoint(XAResource xa) throws UnavailableException {
                if (!available) {
                    throw new UnavailableException("undeployed");
                }
                return new Echo();
            }

            @Override
            public MessageEndpoint createEndpoint(XAResource xa, long timeout) throws UnavailableException {
                return createEndpoint(xa);
            }

            @Override
            public boolean isDeliveryTransacted(Method method) {
                return false;
            }

            @Override
            public String getActivationName() {
                return "test";
            }

            @Override
            public Class<?> getEndpointClass() {
                return Echo.class;
            }
        };
    }

    private static byte[] exchange(SocketFactory client, int port, String message) throws Exception {
        try (Socket s = client.createSocket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            MllpFrames.write(out, message.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            return MllpFrames.read(in, 1 << 20);
        }
    }

    @Test
    void aMessageGetsTheEndpointsAcknowledgementAndNoEndpointNoAnswer() throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        MllpListener up = new MllpListener("127.0.0.1", 0, ServerSocketFactory.getDefault(), threads, endpoints(true),
                10_000);
        MllpListener down = new MllpListener("127.0.0.1", 0, ServerSocketFactory.getDefault(), threads,
                endpoints(false), 10_000);
        try {
            up.start();
            down.start();
            assertArrayEquals("ACK MSH|1".getBytes(StandardCharsets.ISO_8859_1),
                    exchange(SocketFactory.getDefault(), up.localPort(), "MSH|1"));
            assertNull(exchange(SocketFactory.getDefault(), down.localPort(), "MSH|2"),
                    "closed unanswered: the sender sends it again later");
        } finally {
            up.stop();
            down.stop();
            threads.shutdownNow();
        }
    }

    @Test
    void overTlsWithTheServersKeyStore() throws Exception {
        Path store = dir.resolve("hl7.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hl7", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

        ExecutorService threads = Executors.newCachedThreadPool();
        MllpListener l = new MllpListener("127.0.0.1", 0, tls.getServerSocketFactory(), threads, endpoints(true),
                10_000);
        try {
            l.start();
            assertArrayEquals("ACK MSH|tls".getBytes(StandardCharsets.ISO_8859_1),
                    exchange(tls.getSocketFactory(), l.localPort(), "MSH|tls"));
        } finally {
            l.stop();
            threads.shutdownNow();
        }
    }
}
