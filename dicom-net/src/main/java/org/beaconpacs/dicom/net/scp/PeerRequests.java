package org.beaconpacs.dicom.net.scp;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.beaconpacs.dicom.net.association.Association;
import org.beaconpacs.dicom.net.association.DataWriter;
import org.beaconpacs.dicom.net.dimse.Command;

/**
 * Requests the acceptor sends on its own association and the responses the reader hands back: the
 * C-STORE sub-operations of a C-GET (PS3.4 C.4.3), sent by the thread that serves the C-GET while the
 * association's reader goes on reading (and sees the C-STORE-RSPs, and a C-CANCEL).
 */
final class PeerRequests {

    private final Association association;
    private final Map<Integer, CompletableFuture<Command>> outstanding = new ConcurrentHashMap<>();
    private volatile IOException ended;

    PeerRequests(Association association) {
        this.association = association;
    }

    /** Sends {@code rq} on context {@code pcid} and waits for its response, within the DIMSE timeout. */
    Command invoke(int pcid, Command rq, DataWriter data) throws IOException {
        CompletableFuture<Command> response = new CompletableFuture<>();
        outstanding.put(rq.messageId(), response);
        try {
            if (ended != null) {
                throw ended;
            }
            association.send(pcid, rq, data);
            return response.get(association.timeouts().dimseResponse().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no response to " + rq + " within " + association.timeouts().dimseResponse());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the response to " + rq);
        } finally {
            outstanding.remove(rq.messageId());
        }
    }

    /** Hands a response to the request waiting for it; false if none is. */
    boolean complete(Command response) {
        CompletableFuture<Command> waiting = outstanding.get(response.messageIdBeingRespondedTo());
        return waiting != null && waiting.complete(response);
    }

    boolean isEnded() {
        return ended != null;
    }

    /** The association ended: no response will come. */
    void end(String why) {
        ended = new IOException("association ended: " + why);
        outstanding.values().forEach(f -> f.completeExceptionally(ended));
    }
}
