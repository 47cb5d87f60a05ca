package org.beaconpacs.dicom.net.scp;

import java.io.IOException;
import org.beaconpacs.dicom.net.association.Association;
import org.beaconpacs.dicom.net.association.DataWriter;
import org.beaconpacs.dicom.net.association.FileDataSet;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.Status;

/**
 * How a handler answers one request: any number of pending responses (C-FIND, C-GET, C-MOVE), then
 * exactly one final response. {@link #isCancelled()} turns true when the requestor sent a C-CANCEL for
 * this message.
 */
public final class Responder {

    private final Association association;
    private final int presentationContextId;
    private final Command request;
    private final AssociationMonitor monitor;
    private final PeerRequests peerRequests;
    private final long arrived = System.nanoTime();
    private volatile boolean cancelled;
    private boolean done;

    Responder(Association association, int presentationContextId, Command request, AssociationMonitor monitor,
              PeerRequests peerRequests) {
        this.association = association;
        this.peerRequests = peerRequests;
        this.presentationContextId = presentationContextId;
        this.request = request;
        this.monitor = monitor;
    }

    public Command request() {
        return request;
    }

    public Association association() {
        return association;
    }

    /** Sends a pending response (status 0xFF00/0xFF01) with an optional data set. */
    public void pending(Command response, DataWriter data) throws IOException {
        if (!Status.isPending(response.status())) {
            throw new IllegalArgumentException("not a pending status: " + Status.toString(response.status()));
        }
        checkOpen();
        association.send(presentationContextId, response, data);
    }

    /** Sends the final response; a second final response is a programming error. */
    public void respond(Command response, DataWriter data) throws IOException {
        checkOpen();
        done = true;
        association.send(presentationContextId, response, data);
        monitor.responded(association, request, response, System.nanoTime() - arrived);
    }

    /** Sends the final response with just a status. */
    public void respond(int status) throws IOException {
        respond(request.response(status, false), null);
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException("final response already sent for " + request);
        }
    }

    /**
     * A C-STORE sub-operation of this C-GET on the requestor's association (the requestor in the SCP role
     * for the file's SOP class): the file's data set as stored, or converted to an uncompressed syntax the
     * requestor accepted. Returns the C-STORE-RSP; an {@link IOException} if no context fits (see
     * {@link FileDataSet#noContextReason}), no response came in time, or the association ended.
     */
    public Command store(FileDataSet file, FileDataSet.Decompressor decompressor) throws IOException {
        PresentationContext pc = file.contextOn(association, decompressor);
        if (pc == null) {
            throw new IOException(file.noContextReason(association));
        }
        Command rq = Command.cStoreRQ(association.nextMessageId(), file.sopClass(), file.sopInstance(),
                request.priority());
        return peerRequests.invoke(pc.id(), rq, file.writer(decompressor));
    }

    /**
     * Sends a request of this side to the requestor, on this request's presentation context, and waits for
     * its response: the N-EVENT-REPORT with which a Storage Commitment SCP reports on the association of the
     * N-ACTION (PS3.4 J.3.3), which may follow the N-ACTION-RSP by minutes. Not from the thread that
     * handles the request (the association's reader, which must read the response). An
     * {@link IOException} when the association has ended or no response came within the DIMSE timeout.
     */
    public Command invoke(Command rq, DataWriter data) throws IOException {
        return peerRequests.invoke(presentationContextId, rq, data);
    }

    /**
     * As {@link #invoke(Command, DataWriter)}, on an accepted context of {@code abstractSyntax} instead of
     * this request's: a Print Job N-EVENT-REPORT goes on the Print Job SOP Class's context, not on the Print
     * Management Meta SOP Class's of the N-ACTION that made the job (PS3.4 H.4.5). An {@link IOException}
     * when the association accepted no context of it.
     */
    public Command invoke(String abstractSyntax, Command rq, DataWriter data) throws IOException {
        java.util.List<PresentationContext> accepted = association.acceptedContexts(abstractSyntax);
        if (accepted.isEmpty()) {
            throw new IOException("no accepted presentation context for " + abstractSyntax);
        }
        return peerRequests.invoke(accepted.get(0).id(), rq, data);
    }

    /** True while the association of this request is open: neither released nor aborted nor lost. */
    public boolean isAssociationOpen() {
        return !peerRequests.isEnded();
    }

    public boolean isDone() {
        return done;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }
}
