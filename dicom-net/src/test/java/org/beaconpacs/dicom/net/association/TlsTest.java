package org.beaconpacs.dicom.net.association;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomFile;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.TestScp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Associations over TLS 1.3, and TLS 1.2 with an AES-GCM suite (DICOM secure transport profiles): the
 * caller's SSLContext and sockets, our association code unchanged. The key is made by the JDK's keytool.
 */
class TlsTest {

    @TempDir
    Path dir;

    @Test
    void echoAndStoreOverTls() throws Exception {
        KeyStore ks = org.beaconpacs.dicom.net.testing.TestKeys.selfSigned(dir);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "secret".toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);

        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
            SSLContext server = SSLContext.getInstance(protocol);
            server.init(kmf.getKeyManagers(), null, null);
            SSLContext client = SSLContext.getInstance(protocol);
            client.init(null, tmf.getTrustManagers(), null);
            AcceptorPolicy policy = AcceptorPolicy.builder().calledAeTitles("BEACON")
                    .accept(UID.Verification, UID.ImplicitVRLittleEndian)
                    .accept(UID.SecondaryCaptureImageStorage, UID.ExplicitVRLittleEndian).build();
            String iuid = "1.2.3." + protocol.length() + protocol.charAt(protocol.length() - 1);
            try (TestScp scp = new TestScp(policy, Timeouts.DEFAULT, dir, tlsListener(server, protocol))) {
                AAssociateRQ rq = DicomClient.request("TLSSCU", "BEACON");
                rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
                rq.addPresentationContext(PresentationContext.rq(3, UID.SecondaryCaptureImageStorage,
                        UID.ExplicitVRLittleEndian));
                try (DicomClient c = DicomClient.connect(client.getSocketFactory(), "localhost", scp.port(), rq,
                        Timeouts.DEFAULT)) {
                    assertEquals(Status.SUCCESS, c.echo());
                    Attributes ds = new Attributes();
                    ds.setString(Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage);
                    ds.setString(Tag.SOPInstanceUID, VR.UI, iuid);
                    ds.setString(Tag.PatientName, VR.PN, "Tls^Test");
                    ds.setBytes(Tag.PixelData, VR.OB, new byte[300_000]);
                    assertEquals(Status.SUCCESS, c.store(UID.SecondaryCaptureImageStorage, iuid,
                            UID.ExplicitVRLittleEndian, (out, ts) -> {
                                DicomWriter w = new DicomWriter(out);
                                w.writeDataset(ds, TransferSyntax.of(ts));
                                w.flush();
                            }).status(), protocol);
                    c.release();
                }
                Attributes got = DicomFile.read(dir.resolve(iuid + ".dcm")).dataset();
                assertEquals("Tls^Test", got.getString(Tag.PatientName));
                assertEquals(300_000, got.getBytes(Tag.PixelData).length);
            }
        }
    }

    private static ServerSocketFactory tlsListener(SSLContext context, String protocol) {
        return new ServerSocketFactory() {
            private ServerSocket configure(ServerSocket s) {
                SSLServerSocket ssl = (SSLServerSocket) s;
                ssl.setEnabledProtocols(new String[] {protocol});
                if (protocol.equals("TLSv1.2")) {
                    ssl.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"});
                }
                return ssl;
            }

            @Override
            public ServerSocket createServerSocket(int port) throws IOException {
                return configure(context.getServerSocketFactory().createServerSocket(port));
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) throws IOException {
                return configure(context.getServerSocketFactory().createServerSocket(port, backlog));
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
                return configure(context.getServerSocketFactory().createServerSocket(port, backlog, address));
            }
        };
    }
}
