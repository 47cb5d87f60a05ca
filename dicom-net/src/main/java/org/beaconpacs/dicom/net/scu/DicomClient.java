package org.beaconpacs.dicom.net.scu;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.net.SocketFactory;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.FileMetaInformation;
import org.beaconpacs.dicom.net.association.Association;
import org.beaconpacs.dicom.net.association.AssociationException;
import org.beaconpacs.dicom.net.association.DataWriter;
import org.beaconpacs.dicom.net.association.FileDataSet;
import org.beaconpacs.dicom.net.association.Message;
import org.beaconpacs.dicom.net.association.SocketSettings;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
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
    private StoreHandler storeHandler;
    private int maxOutstanding;
    private FileDataSet.Decompressor decompressor;

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
        return connect(factory, SocketSettings.DEFAULT, host, port, rq, timeouts);
    }

    public static DicomClient connect(SocketFactory factory, SocketSettings settings, String host, int port,
                                      AAssociateRQ rq, Timeouts timeouts) throws IOException {
        Socket socket = factory.createSocket();
        try {
            settings.applyTo(socket);
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
        return awaitResponse(rq).command();
    }

    /**
     * C-STORE of a Part 10 file, its data set streamed as it is in the file, or re-encoded where the
     * peer accepted only another uncompressed syntax.
     */
    public Command store(Path file) throws IOException {
        return awaitResponse(sendStore(file)).command();
    }

    /**
     * C-STORE of many Part 10 files with up to the negotiated number of requests outstanding (PS3.7
     * D.3.3.3: the asynchronous operations window; 1 without one), responses matched by Message ID.
     * This keeps a high-latency link full. Returns the responses in the order of {@code files}.
     */
    public java.util.List<Command> storeAll(java.util.List<Path> files) throws IOException {
        int window = association.associateAccept().hasAsyncOperationsWindow()
                ? association.associateAccept().maxOperationsInvoked() : 1;
        if (window == 0) {
            window = 64; // unlimited by the SCP: still bounded here
        }
        java.util.Map<Integer, Integer> outstanding = new java.util.HashMap<>();
        Command[] responses = new Command[files.size()];
        int next = 0;
        while (next < files.size() || !outstanding.isEmpty()) {
            if (next < files.size() && outstanding.size() < window) {
                Command rq = sendStore(files.get(next));
                outstanding.put(rq.messageId(), next++);
                maxOutstanding = Math.max(maxOutstanding, outstanding.size());
                continue;
            }
            Message m = association.receive();
            if (m == null) {
                throw new AssociationException("peer released the association with stores outstanding",
                        null, null, null);
            }
            if (m.data() != null) {
                m.data().close();
            }
            Integer index = m.command().isResponse() ? outstanding.remove(m.command().messageIdBeingRespondedTo())
                    : null;
            if (index != null) {
                responses[index] = m.command();
            }
        }
        return java.util.List.of(responses);
    }

    /** The most requests this client had outstanding at once (asynchronous operations). */
    public int maxOutstanding() {
        return maxOutstanding;
    }

    private Command sendStore(Path file) throws IOException {
        return sendStore(FileDataSet.open(file), null, 0);
    }

    /**
     * Sends the C-STORE-RQ of a Part 10 file: as it is in the file where its transfer syntax was accepted,
     * else re-encoded into an accepted uncompressed one (or decoded by the client's decompressor).
     */
    private Command sendStore(FileDataSet f, String moveOriginatorAe, int moveOriginatorMessageId)
            throws IOException {
        PresentationContext pc = f.contextOn(association, decompressor);
        if (pc == null) {
            throw new IOException("cannot send " + f.file() + ": " + f.noContextReason(association));
        }
        Command rq = Command.cStoreRQ(association.nextMessageId(), f.sopClass(), f.sopInstance(),
                Command.PRIORITY_MEDIUM);
        if (moveOriginatorAe != null) {
            rq.setMoveOriginator(moveOriginatorAe, moveOriginatorMessageId);
        }
        association.send(pc.id(), rq, f.writer(decompressor));
        return rq;
    }

    /**
     * C-STORE of a Part 10 file as a C-MOVE sub-operation: the Move Originator's AE title and the Message
     * ID of its C-MOVE-RQ go into the request (PS3.7 9.1.1.1). Returns the response.
     */
    public Command store(FileDataSet file, String moveOriginatorAe, int moveOriginatorMessageId)
            throws IOException {
        return awaitResponse(sendStore(file, moveOriginatorAe, moveOriginatorMessageId)).command();
    }

    /** Lets C-STOREs of compressed files go to peers that accepted only uncompressed syntaxes. */
    public DicomClient decompressor(FileDataSet.Decompressor decompressor) {
        this.decompressor = decompressor;
        return this;
    }

    private PresentationContext context(String abstractSyntax, String transferSyntax) throws IOException {
        PresentationContext pc = association.acceptedContext(abstractSyntax, transferSyntax);
        if (pc == null) {
            throw new IOException("no accepted presentation context for " + abstractSyntax
                    + (transferSyntax == null ? "" : " in " + transferSyntax));
        }
        return pc;
    }

    /**
     * Waits for the next response to {@code request}, within the DIMSE timeout; C-STOREs arriving in the
     * meantime (C-GET sub-operations) go to the store handler.
     */
    Response awaitResponse(Command request) throws IOException {
        if (association.socket().isClosed()) {
            throw new AssociationException("association closed", null, null, null);
        }
        association.socket().setSoTimeout(Timeouts.millis(association.timeouts().dimseResponse()));
        try {
            while (true) {
                Message m = association.receive();
                if (m == null) {
                    throw new AssociationException("peer released the association before answering " + request,
                            null, null, null);
                }
                Command c = m.command();
                if (!c.isResponse() && c.commandField() == CommandField.C_STORE_RQ) {
                    answerStore(m);
                    continue;
                }
                if (c.isResponse() && c.messageIdBeingRespondedTo() == request.messageId()) {
                    Attributes data = null;
                    if (m.data() != null) {
                        data = new DicomReader(m.data()).readDataset(TransferSyntax.of(m.transferSyntax()));
                    }
                    return new Response(c, data);
                }
                if (m.data() != null) {
                    m.data().close();
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

    private void answerStore(Message m) throws IOException {
        int status;
        if (storeHandler == null) {
            status = Status.UNRECOGNIZED_OPERATION;
        } else {
            try {
                status = storeHandler.store(m.command(), m.transferSyntax(), m.data());
            } catch (IOException | RuntimeException e) {
                status = Status.UNABLE_TO_PROCESS;
            }
        }
        if (m.data() != null) {
            m.data().close();
        }
        association.send(m.presentationContextId(), m.command().response(status, false), null);
    }

    // ---------------------------------------------------------------- query and retrieve

    /** C-FIND: the matches arrive through the returned iterator as the SCP sends them. */
    public FindResults find(String sopClass, Attributes keys) throws IOException {
        PresentationContext pc = context(sopClass, null);
        Command rq = Command.cFindRQ(association.nextMessageId(), sopClass, Command.PRIORITY_MEDIUM);
        association.send(pc.id(), rq, writer(keys));
        return new FindResults(this, rq);
    }

    /** C-MOVE to {@code destination}; returns the final response (status and sub-operation counts). */
    public Response move(String sopClass, Attributes keys, String destination) throws IOException {
        return move(sopClass, keys, destination, pending -> true);
    }

    /**
     * C-MOVE to {@code destination}, each pending response handed to {@code pending}: when it answers
     * false, a C-CANCEL goes out (once) and the final response is still awaited and returned.
     */
    public Response move(String sopClass, Attributes keys, String destination,
                         java.util.function.Predicate<Response> pending) throws IOException {
        PresentationContext pc = context(sopClass, null);
        Command rq = Command.cMoveRQ(association.nextMessageId(), sopClass, Command.PRIORITY_MEDIUM, destination);
        association.send(pc.id(), rq, writer(keys));
        return awaitFinal(rq, pending);
    }

    /**
     * C-GET: the instances come back as C-STOREs on this association (propose the storage classes
     * with an SCP role selection), each handed to {@code handler}. Returns the final response.
     */
    public Response get(String sopClass, Attributes keys, StoreHandler handler) throws IOException {
        return get(sopClass, keys, handler, pending -> true);
    }

    /** Like {@link #get(String, Attributes, StoreHandler)}; {@code pending} as for C-MOVE. */
    public Response get(String sopClass, Attributes keys, StoreHandler handler,
                        java.util.function.Predicate<Response> pending) throws IOException {
        PresentationContext pc = context(sopClass, null);
        Command rq = Command.cGetRQ(association.nextMessageId(), sopClass, Command.PRIORITY_MEDIUM);
        this.storeHandler = handler;
        try {
            association.send(pc.id(), rq, writer(keys));
            return awaitFinal(rq, pending);
        } finally {
            this.storeHandler = null;
        }
    }

    private Response awaitFinal(Command rq, java.util.function.Predicate<Response> pending) throws IOException {
        boolean cancelled = false;
        while (true) {
            Response r = awaitResponse(rq);
            if (!Status.isPending(r.status())) {
                return r;
            }
            if (!cancelled && !pending.test(r)) {
                cancel(rq);
                cancelled = true;
            }
        }
    }

    /** Sends C-CANCEL for an outstanding C-FIND, C-GET or C-MOVE. */
    public void cancel(Command request) throws IOException {
        PresentationContext pc = context(request.affectedSopClassUid(), null);
        association.send(pc.id(), Command.cCancelRQ(request.messageId()), null);
    }

    // ---------------------------------------------------------------- requests of the SCP

    /** A request the SCP sent on this association, with its data set (null if none). */
    public record PeerRequest(int presentationContextId, Command command, Attributes data) {
    }

    /**
     * Waits up to {@code timeout} for the SCP's next request on this association: the N-EVENT-REPORT that a
     * Storage Commitment SCP may send after its N-ACTION-RSP (PS3.4 J.3.3). Null if none came in time (the
     * association stays open) or the SCP released the association.
     */
    public PeerRequest awaitRequest(java.time.Duration timeout) throws IOException {
        return awaitRequest(timeout, () -> false);
    }

    /**
     * As {@link #awaitRequest(java.time.Duration)}, and gives up early (null) once {@code enough} says so,
     * asked about every quarter of a second while nothing arrives: the report may come on another
     * association instead.
     */
    public PeerRequest awaitRequest(java.time.Duration timeout, java.util.function.BooleanSupplier enough)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0 || enough.getAsBoolean()) {
                return null;
            }
            if (!association.awaitInput((int) Math.min(left, 250))) {
                continue;
            }
            Message m = association.receive();
            if (m == null) {
                return null;
            }
            if (m.command().isResponse()) {
                if (m.data() != null) {
                    m.data().close();
                }
                continue;
            }
            Attributes data = m.data() == null ? null
                    : new DicomReader(m.data()).readDataset(TransferSyntax.of(m.transferSyntax()));
            return new PeerRequest(m.presentationContextId(), m.command(), data);
        }
    }

    /** Answers a request of the SCP with {@code status}. */
    public void respond(PeerRequest request, int status) throws IOException {
        respond(request, status, null);
    }

    /** Answers a request of the SCP with {@code status} and, if not null, an Error Comment. */
    public void respond(PeerRequest request, int status, String errorComment) throws IOException {
        Command rsp = request.command().response(status, false);
        if (errorComment != null) {
            rsp.setErrorComment(errorComment);
        }
        association.send(request.presentationContextId(), rsp, null);
    }

    // ---------------------------------------------------------------- DIMSE-N

    public Response nEventReport(String sopClass, String sopInstance, int eventTypeId, Attributes info)
            throws IOException {
        return normalized(sopClass, Command.nEventReportRQ(association.nextMessageId(), sopClass, sopInstance,
                eventTypeId, info != null), info);
    }

    public Response nGet(String sopClass, String sopInstance, int... attributeIdentifiers) throws IOException {
        return normalized(sopClass, Command.nGetRQ(association.nextMessageId(), sopClass, sopInstance,
                attributeIdentifiers), null);
    }

    public Response nSet(String sopClass, String sopInstance, Attributes modifications) throws IOException {
        return normalized(sopClass, Command.nSetRQ(association.nextMessageId(), sopClass, sopInstance),
                modifications);
    }

    public Response nAction(String sopClass, String sopInstance, int actionTypeId, Attributes info)
            throws IOException {
        return normalized(sopClass, Command.nActionRQ(association.nextMessageId(), sopClass, sopInstance,
                actionTypeId, info != null), info);
    }

    public Response nCreate(String sopClass, String sopInstance, Attributes attributes) throws IOException {
        return normalized(sopClass, Command.nCreateRQ(association.nextMessageId(), sopClass, sopInstance,
                attributes != null), attributes);
    }

    public Response nDelete(String sopClass, String sopInstance) throws IOException {
        return normalized(sopClass, Command.nDeleteRQ(association.nextMessageId(), sopClass, sopInstance), null);
    }

    /**
     * Sends a DIMSE-N request on a context of {@code abstractSyntax} and waits for its response: for SOP
     * classes used through a Meta SOP Class (a Basic Film Session on the Print Management Meta's context).
     */
    public Response invoke(String abstractSyntax, Command rq, Attributes data) throws IOException {
        return normalized(abstractSyntax, rq, data);
    }

    private Response normalized(String sopClass, Command rq, Attributes data) throws IOException {
        PresentationContext pc = context(sopClass, null);
        association.send(pc.id(), rq, data == null ? null : writer(data));
        return awaitResponse(rq);
    }

    private static DataWriter writer(Attributes data) {
        return DataWriter.of(data);
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
