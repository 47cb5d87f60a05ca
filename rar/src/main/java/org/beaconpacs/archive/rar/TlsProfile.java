package org.beaconpacs.archive.rar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Set;
import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS as IHE ATNA's secure node and BCP 195 (RFC 9325) want it, for every TLS connection the adapter makes or
 * takes (DICOM, HL7, syslog): TLS 1.3 and 1.2 only, and in TLS 1.2 only the ECDHE suites with AES-GCM; the
 * archive's key and the certificates it trusts from the key and trust stores the administrator names
 * (README "TLS"), else the JVM's; and on listeners, a peer without a certificate the trust store vouches for
 * is refused (mutual authentication), unless the administrator turns that off.
 */
public final class TlsProfile {

    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");

    /** Null: the JVM's default context, as it is when a socket is made (Elytron's default-ssl-context). */
    private final SSLContext context;
    private final boolean clientAuth;

    private TlsProfile(SSLContext context, boolean clientAuth) {
        this.context = context;
        this.clientAuth = clientAuth;
    }

    /**
     * The profile with the stores given (a null or empty path: the JVM's own, javax.net.ssl.*), PKCS12 or JKS.
     *
     * @param clientAuth whether listeners require a trusted client certificate
     */
    public static TlsProfile of(String keyStore, String keyStorePassword, String trustStore,
                                String trustStorePassword, boolean clientAuth) throws GeneralSecurityException,
            IOException {
        if (blank(keyStore) && blank(trustStore)) {
            return new TlsProfile(null, clientAuth);
        }
        KeyManagerFactory kmf = null;
        if (!blank(keyStore)) {
            char[] password = keyStorePassword == null ? new char[0] : keyStorePassword.toCharArray();
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(keyStore, password), password);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(blank(trustStore) ? null : load(trustStore,
                trustStorePassword == null ? null : trustStorePassword.toCharArray()));
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return new TlsProfile(ctx, clientAuth);
    }

    /**
     * The profile the server's settings give (README "TLS"): the system properties {@code beacon.tls.*} that
     * wildfly-config makes of {@code BEACON_TLS_*}.
     */
    static TlsProfile fromSystem() throws GeneralSecurityException, IOException {
        return of(System.getProperty("beacon.tls.key-store"), System.getProperty("beacon.tls.key-store-password"),
                System.getProperty("beacon.tls.trust-store"), System.getProperty("beacon.tls.trust-store-password"),
                !"false".equalsIgnoreCase(System.getProperty("beacon.tls.client-auth", "true").strip()));
    }

    private static KeyStore load(String path, char[] password) throws GeneralSecurityException, IOException {
        Path p = Path.of(path);
        if (!Files.isReadable(p)) {
            throw new IOException("no readable key or trust store at " + p);
        }
        try (InputStream in = Files.newInputStream(p)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType()); // PKCS12, which reads JKS too
            ks.load(in, password);
            return ks;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The listeners' sockets: the profile's protocols and suites, and the client's certificate required. */
    public ServerSocketFactory serverSocketFactory() throws IOException {
        ServerSocketFactory f = context().getServerSocketFactory();
        return new ServerSocketFactory() {
            @Override
            public java.net.ServerSocket createServerSocket() throws IOException {
                return configure((SSLServerSocket) f.createServerSocket());
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port) throws IOException {
                return configure((SSLServerSocket) f.createServerSocket(port));
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
                return configure((SSLServerSocket) f.createServerSocket(port, backlog));
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address)
                    throws IOException {
                return configure((SSLServerSocket) f.createServerSocket(port, backlog, address));
            }
        };
    }

    /**
     * Outbound sockets (DICOM, syslog): the profile's protocols and suites. The peer is authenticated by its
     * certificate chaining to the trust store (IHE ATNA node authentication), not by the host name in it:
     * DICOM nodes are configured by address as often as by name.
     */
    public SocketFactory socketFactory() throws IOException {
        SocketFactory f = context().getSocketFactory();
        return new SocketFactory() {
            @Override
            public java.net.Socket createSocket() throws IOException {
                return configure((SSLSocket) f.createSocket());
            }

            @Override
            public java.net.Socket createSocket(String host, int port) throws IOException {
                return configure((SSLSocket) f.createSocket(host, port));
            }

            @Override
            public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
                    throws IOException {
                return configure((SSLSocket) f.createSocket(host, port, local, localPort));
            }

            @Override
            public java.net.Socket createSocket(java.net.InetAddress host, int port) throws IOException {
                return configure((SSLSocket) f.createSocket(host, port));
            }

            @Override
            public java.net.Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress local,
                                                int localPort) throws IOException {
                return configure((SSLSocket) f.createSocket(address, port, local, localPort));
            }
        };
    }

    private SSLContext context() throws IOException {
        try {
            return context != null ? context : SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IOException("no default TLS context: " + e.getMessage(), e);
        }
    }

    SSLServerSocket configure(SSLServerSocket s) {
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(supported(PROTOCOLS, s.getSupportedProtocols()));
        p.setCipherSuites(supported(CIPHER_SUITES, s.getSupportedCipherSuites()));
        p.setNeedClientAuth(clientAuth);
        p.setUseCipherSuitesOrder(true);
        s.setSSLParameters(p);
        return s;
    }

    SSLSocket configure(SSLSocket s) {
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(supported(PROTOCOLS, s.getSupportedProtocols()));
        p.setCipherSuites(supported(CIPHER_SUITES, s.getSupportedCipherSuites()));
        s.setSSLParameters(p);
        return s;
    }

    private static String[] supported(List<String> wanted, String[] supported) {
        Set<String> available = Set.of(supported);
        return wanted.stream().filter(available::contains).toArray(String[]::new);
    }

    @Override
    public String toString() {
        return (context == null ? "the JVM's key and trust stores, " : "") + String.join("/", PROTOCOLS) + ", "
                + CIPHER_SUITES.size() + " suites"
                + (clientAuth ? ", client certificate required" : "");
    }
}
