package org.beaconpacs.archive.retrieve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.net.association.AssociationException;
import org.beaconpacs.dicom.net.association.FileDataSet;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.Status;

/**
 * The C-STORE sub-operations of one C-MOVE or C-GET (PS3.4 C.4.2.3, C.4.3.3), possibly sent in parts on
 * several associations at once: each counted as completed, failed or warning; a pending response with the
 * counts at most every interval (one at a time, whichever part's thread is due); every part stops after its
 * current object once the requestor cancels. The final status and the Failed SOP Instance UID List follow
 * from the counts.
 */
final class SubOperations {

    private static final Logger LOG = Logger.getLogger(SubOperations.class.getName());

    /** Sends one instance: the C-STORE-RSP, or an {@link IOException} when it could not be sent. */
    interface Sender {
        Command store(FileDataSet file) throws IOException;
    }

    /** Where the counts go while the sub-operations run. */
    interface Progress {
        void pending(int remaining, int completed, int failed, int warning) throws IOException;

        boolean cancelled();
    }

    /** The counts at the end. */
    record Counts(int remaining, int completed, int failed, int warning, List<String> failedUids, boolean cancelled) {

        static final Counts NONE = new Counts(0, 0, 0, 0, List.of(), false);

        /** The final status: PS3.4 C.4.2.1.5 and C.4.3.1.4. */
        int status() {
            if (cancelled) {
                return Status.CANCEL;
            }
            if (failed == 0 && warning == 0) {
                return Status.SUCCESS;
            }
            if (completed == 0 && warning == 0) {
                return Status.OUT_OF_RESOURCES_SUB_OPERATIONS;
            }
            return Status.SUB_OPERATIONS_COMPLETE_ONE_OR_MORE_FAILURES;
        }

        /** The identifier of the final response: the instances that failed, if any. */
        Attributes identifier() {
            if (failedUids.isEmpty()) {
                return null;
            }
            Attributes a = new Attributes();
            a.setString(Tag.FailedSOPInstanceUIDList, VR.UI, failedUids.toArray(String[]::new));
            return a;
        }
    }

    private final int total;
    private final Progress progress;
    private final long intervalNanos;
    private final List<String> failedUids = new ArrayList<>();
    private int completed;
    private int failed;
    private int warning;
    private long lastPending = System.nanoTime();
    private volatile boolean cancelled;

    SubOperations(int total, Progress progress, long intervalMillis) {
        this.total = total;
        this.progress = progress;
        this.intervalNanos = intervalMillis * 1_000_000;
    }

    /** Sends {@code part} on the calling thread, one after the other, until done or cancelled. */
    void send(List<StoredInstance> part, Sender sender) throws IOException {
        for (int n = 0; n < part.size(); n++) {
            if (cancelled || progress.cancelled()) {
                cancelled = true;
                return;
            }
            StoredInstance instance = part.get(n);
            int status;
            try {
                status = sender.store(FileDataSet.open(instance.file())).status();
            } catch (AssociationException | java.net.SocketException | java.io.EOFException e) {
                // the association is gone: this one and the rest of the part are not sent
                fail(part.subList(n, part.size()), e.getMessage());
                return;
            } catch (IOException e) {
                LOG.info(() -> "sub-operation for " + instance.sopInstance() + " failed: " + e.getMessage());
                status = Status.UNABLE_TO_PROCESS;
            }
            count(status, instance);
        }
    }

    /** Counts {@code part} failed without sending it (its association could not be opened, or was lost). */
    synchronized void fail(List<StoredInstance> part, String why) {
        LOG.info(() -> part.size() + " sub-operations not sent: " + why);
        failed += part.size();
        part.forEach(i -> failedUids.add(i.sopInstance()));
    }

    private synchronized void count(int status, StoredInstance instance) throws IOException {
        switch (Status.category(status)) {
            case SUCCESS -> completed++;
            case WARNING -> warning++;
            default -> {
                failed++;
                failedUids.add(instance.sopInstance());
            }
        }
        long now = System.nanoTime();
        int done = completed + failed + warning;
        if (done < total && now - lastPending >= intervalNanos) {
            progress.pending(total - done, completed, failed, warning);
            lastPending = now;
        }
    }

    synchronized Counts counts() {
        int done = completed + failed + warning;
        return new Counts(total - done, completed, failed, warning, List.copyOf(failedUids), cancelled);
    }
}
