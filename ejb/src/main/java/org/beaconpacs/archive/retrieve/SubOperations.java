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
 * The C-STORE sub-operations of a C-MOVE or C-GET (PS3.4 C.4.2.3, C.4.3.3): one after the other, each
 * counted as completed, failed or warning; a pending response with the counts at most every interval;
 * stopped after the current one by a cancel. The final status and the Failed SOP Instance UID List
 * follow from the counts.
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

        /** The identifier of the final response: the instances that failed, if any (or were not sent). */
        Attributes identifier() {
            if (failedUids.isEmpty()) {
                return null;
            }
            Attributes a = new Attributes();
            a.setString(Tag.FailedSOPInstanceUIDList, VR.UI, failedUids.toArray(String[]::new));
            return a;
        }
    }

    private SubOperations() {
    }

    static Counts run(List<StoredInstance> instances, Sender sender, Progress progress, long intervalMillis)
            throws IOException {
        int completed = 0;
        int failed = 0;
        int warning = 0;
        List<String> failedUids = new ArrayList<>();
        long lastPending = System.nanoTime();
        for (int n = 0; n < instances.size(); n++) {
            if (progress.cancelled()) {
                return new Counts(instances.size() - n, completed, failed, warning, failedUids, true);
            }
            StoredInstance instance = instances.get(n);
            int status;
            try {
                status = sender.store(FileDataSet.open(instance.file())).status();
            } catch (AssociationException | java.net.SocketException | java.io.EOFException e) {
                // the association to the destination is gone: this one and the rest are not sent
                LOG.info(() -> "sub-operations stopped at " + instance.sopInstance() + ": " + e.getMessage());
                instances.subList(n, instances.size()).forEach(i -> failedUids.add(i.sopInstance()));
                return new Counts(0, completed, failed + instances.size() - n, warning, failedUids, false);
            } catch (IOException e) {
                LOG.info(() -> "sub-operation for " + instance.sopInstance() + " failed: " + e.getMessage());
                status = Status.UNABLE_TO_PROCESS;
            }
            switch (Status.category(status)) {
                case SUCCESS -> completed++;
                case WARNING -> warning++;
                default -> {
                    failed++;
                    failedUids.add(instance.sopInstance());
                }
            }
            long now = System.nanoTime();
            if (n + 1 < instances.size() && (now - lastPending) / 1_000_000 >= intervalMillis) {
                progress.pending(instances.size() - n - 1, completed, failed, warning);
                lastPending = now;
            }
        }
        return new Counts(0, completed, failed, warning, failedUids, false);
    }
}
