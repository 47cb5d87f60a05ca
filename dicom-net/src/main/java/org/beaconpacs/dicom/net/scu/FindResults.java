package org.beaconpacs.dicom.net.scu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.Status;

/**
 * The matches of a C-FIND as they arrive: an iterator over the identifiers of the pending responses;
 * {@link #cancel()} sends C-CANCEL, after which the SCP ends with a Cancel status. When the iterator is
 * exhausted, {@link #finalResponse()} tells how the query ended.
 */
public final class FindResults implements Iterator<Attributes>, Iterable<Attributes> {

    private final DicomClient client;
    private final Command request;
    private Attributes next;
    private Command finalResponse;
    private int pendingStatus = -1;

    FindResults(DicomClient client, Command request) {
        this.client = client;
        this.request = request;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (finalResponse != null) {
            return false;
        }
        try {
            Response r = client.awaitResponse(request);
            if (Status.isPending(r.status())) {
                pendingStatus = r.status();
                next = r.dataset() != null ? r.dataset() : new Attributes(0);
                return true;
            }
            finalResponse = r.command();
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Attributes next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Attributes a = next;
        next = null;
        return a;
    }

    /** Sends C-CANCEL for this query; keep iterating to read what was still in flight and the final status. */
    public void cancel() throws IOException {
        client.cancel(request);
    }

    /**
     * The status of the latest pending response (0xFF00, or 0xFF01 when the SCP did not support some
     * optional keys), -1 before the first.
     */
    public int pendingStatus() {
        return pendingStatus;
    }

    /** The final response once the iteration is over, else null. */
    public Command finalResponse() {
        return finalResponse;
    }

    @Override
    public Iterator<Attributes> iterator() {
        return this;
    }
}
