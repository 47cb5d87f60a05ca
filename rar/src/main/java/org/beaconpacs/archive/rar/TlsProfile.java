package org.beaconpacs.archive.rar;

import java.io.IOException;
import java.security.GeneralSecurityException;
import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;

/**
 * The TLS of every TLS connection the adapter takes or makes (DICOM, HL7, syslog): listeners' sockets from
 * one SSL context, outbound ones from another. In WildFly both are Elytron's, named by the adapter's
 * ServerSslContext and ClientSslContext, and configured there as IHE ATNA's secure node and BCP 195 (RFC 9325)
 * want: TLS 1.3 and 1.2 only, the ECDHE AES-GCM suites, a trusted client certificate required (README "TLS").
 * Outside WildFly (the adapter's unit tests) the JVM's default context serves both.
 */
public final class TlsProfile {

    /** Null: the JVM's default context, as it is when a socket is made. */
    private final SSLContext server;
    private final SSLContext client;
    private final String description;

    private TlsProfile(SSLContext server, SSLContext client, String description) {
        this.server = server;
        this.client = client;
        this.description = description;
    }

    /** Elytron's server-ssl-context and client-ssl-context of these names. */
    static TlsProfile elytron(String serverContext, String clientContext) throws IOException {
        return new TlsProfile(ElytronSslContexts.named(serverContext), ElytronSslContexts.named(clientContext),
                "Elytron's server-ssl-context " + serverContext + " and client-ssl-context " + clientContext);
    }

    /** The JVM's default context for both sides. */
    static TlsProfile jvmDefault() {
        return new TlsProfile(null, null, "the JVM's default SSL context");
    }

    /** The listeners' server sockets. */
    public ServerSocketFactory serverSocketFactory() throws IOException {
        return context(server).getServerSocketFactory();
    }

    /**
     * Outbound sockets (DICOM, syslog). The client context authenticates the peer by its certificate chaining
     * to the trust store (IHE ATNA node authentication), not by the host name in it: DICOM nodes are configured
     * by address as often as by name.
     */
    public SocketFactory socketFactory() throws IOException {
        return context(client).getSocketFactory();
    }

    private static SSLContext context(SSLContext c) throws IOException {
        try {
            return c != null ? c : SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IOException("no default TLS context: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
