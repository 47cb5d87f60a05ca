package org.beaconpacs.dicom.net.scu;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.SocketFactory;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.FileMetaInformation;
import org.beaconpacs.dicom.net.association.Association;
import org.beaconpacs.dicom.net.association.AssociationException;
import org.beaconpacs.dicom.net.association.DataWriter;
import org.beaconpacs.dicom.net.association.Message;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.pdu.AAbort;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;

/**
 * The SCU side: open an association, then {@code echo()}, {@code store(...)}, {@code release()}.
 * Sockets come from a {@link SocketFactory} the caller may hand in (the resource adapter does; plain
 * or TLS), with TCP_NODELAY and the connect timeout set.
 *
 * <pre>{@code
 * AAssociateRQ rq = DicomClient.request("MYSCU", "STORESCP");
 * rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
 * try (DicomClient c = DicomClient.connect("pacs.example", 104, rq, Timeouts.DEFAULT)) {
 *     int status = c.echo();
 *     c.release();
 * }
 * }</pre>
 */
public final class DicomClient implements Closeable {

    private final Association association;

    private DicomClient(Association association) {
        this.association = association;
    }

    /** An A-ASSOCIATE-RQ with our implementation identity, to which presentation contexts are added. */
    public static AAssociateRQ request(String callingAeTitle, String calledAeTitle) {
        AAssociateRQ rq = new AAssociateRQ();
        rq.setCallingAeTitle(callingAeTitle);
        rq.setCalledAeTitle(calledAeTitle);
        rq.setImplementationClassUid(FileMetaInformation.IMPLEMENTATION_CLASS_UID);
        rq.setImplementationVersionName(FileMetaInformation.IMPLEMENTATION_VERSION_NAME);
        rq.setMaxPduLength(116_794);
        return rq;
    }

    public static DicomClient connect(String host, int port, AAssociateRQ rq, Timeouts timeouts) throws IOException {
        return connect(SocketFactory.getDefault(), host, port, rq, timeouts);
    }

    public static DicomClient connect(SocketFactory factory, String host, int port, AAssociateRQ rq,
                                      Timeouts timeouts) throws IOException {
        Socket socket = factory.createSocket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), Timeouts.millis(timeouts.connect()));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new DicomClient(Association.request(socket, rq, timeouts));
    }

    public Association association() {
        return association;
    }

    /** C-ECHO (Verification); returns the status of the response. */
    public int echo() throws IOException {
        PresentationContext pc = context(UID.Verification, null);
        Command rq = Command.cEchoRQ(association.nextMessageId(), UID.Verification);
        association.send(pc.id(), rq, null);
        return awaitResponse(rq).status();
    }

    /**
     * C-STORE of a data set written by {@code data} in {@code transferSyntax}, which must have been
     * accepted for {@code sopClass}. Returns the response (status, error comment).
     */
    public Command store(String sopClass, String sopInstance, String transferSyntax, DataWriter data)
            throws IOException {
        PresentationContext pc = context(sopClass, transferSyntax);
        Command rq = Command.cStoreRQ(association.nextMessageId(), sopClass, sopInstance, Command.PRIORITY_MEDIUM);
        association.send(pc.id(), rq, data);
        return awaitResponse(rq);
    }

    /** C-STORE of a Part 10 file, its data set streamed as it is in the file (no transcoding). */
    public Command store(Path file) throws IOException {
        Attributes fmi;
        long datasetStart;
        try (DicomReader reader = DicomReader.open(file)) {
            fmi = reader.readFileMetaInformation();
            datasetStart = reader.position();
        }
        if (fmi == null) {
            throw new IOException(file + " is not a Part 10 file");
        }
        String cuid = fmi.getString(Tag.MediaStorageSOPClassUID);
        String iuid = fmi.getString(Tag.MediaStorageSOPInstanceUID);
        String ts = fmi.getString(Tag.TransferSyntaxUID);
        long start = datasetStart;
        return store(cuid, iuid, ts, (out, tsuid) -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(start);
                in.transferTo(out);
            }
        });
    }

    private PresentationContext context(String abstractSyntax, String transferSyntax) throws IOException {
        PresentationContext pc = association.acceptedContext(abstractSyntax, transferSyntax);
        if (pc == null) {
            throw new IOException("no accepted presentation context for " + abstractSyntax
                    + (transferSyntax == null ? "" : " in " + transferSyntax));
        }
        return pc;
    }

    private Command awaitResponse(Command request) throws IOException {
        association.socket().setSoTimeout(Timeouts.millis(association.timeouts().dimseResponse()));
        try {
            while (true) {
                Message m = association.receive();
                if (m == null) {
                    throw new AssociationException("peer released the association before answering " + request,
                            null, null, null);
                }
                Command c = m.command();
                if (c.isResponse() && c.messageIdBeingRespondedTo() == request.messageId()) {
                    if (m.data() != null) {
                        m.data().close();
                    }
                    return c;
                }
            }
        } catch (SocketTimeoutException e) {
            association.abort(AAbort.byUser());
            throw new AssociationException("no response to " + request + " within "
                    + association.timeouts().dimseResponse(), null, null, e);
        } finally {
            if (!association.socket().isClosed()) {
                association.socket().setSoTimeout(Timeouts.millis(association.timeouts().idle()));
            }
        }
    }

    public void release() throws IOException {
        association.release();
    }

    public void abort() {
        association.abort(AAbort.byUser());
    }

    @Override
    public void close() {
        association.close();
    }
}
