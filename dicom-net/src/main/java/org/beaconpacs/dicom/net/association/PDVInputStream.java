package org.beaconpacs.dicom.net.association;

import java.io.IOException;
import java.io.InputStream;

/**
 * The data set of one DIMSE message, read fragment by fragment from the PDVs of successive P-DATA-TF
 * PDUs (PS3.8 9.3.5, PS3.7 E.2) until the fragment marked last; nothing is buffered beyond a fragment.
 */
final class PDVInputStream extends InputStream {

    private final Association association;
    private final int presentationContextId;
    private long remaining;
    private boolean last;

    PDVInputStream(Association association, int presentationContextId, int firstFragmentLength, boolean last) {
        this.association = association;
        this.presentationContextId = presentationContextId;
        this.remaining = firstFragmentLength;
        this.last = last;
    }

    private boolean advance() throws IOException {
        while (remaining == 0) {
            if (last) {
                return false;
            }
            int control = association.nextDataPdv(presentationContextId);
            remaining = association.reader().pdvLengthOfCurrent();
            last = (control & 2) != 0;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        if (!advance()) {
            return -1;
        }
        int b = association.reader().stream().read();
        if (b < 0) {
            throw association.peerVanished("inside a data set");
        }
        remaining--;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!advance()) {
            return -1;
        }
        int n = association.reader().stream().read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw association.peerVanished("inside a data set");
        }
        remaining -= n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && advance()) {
            long k = association.reader().stream().skip(Math.min(n - skipped, remaining));
            if (k <= 0) {
                if (read() < 0) {
                    break;
                }
                k = 1;
            } else {
                remaining -= k;
            }
            skipped += k;
        }
        return skipped;
    }

    /** True once the last fragment has been read whole. */
    boolean isComplete() {
        return last && remaining == 0;
    }

    /** Reads and discards what the consumer left unread, so the next message can be read. */
    void drain() throws IOException {
        while (advance()) {
            skip(Long.MAX_VALUE);
        }
    }

    @Override
    public void close() throws IOException {
        drain();
    }
}
