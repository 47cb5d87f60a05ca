package org.beaconpacs.archive.commitment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.beaconpacs.archive.entity.commitment.Commitment;
import org.beaconpacs.archive.entity.commitment.CommitmentItem;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.dimse.Status;

/**
 * A remote Storage Commitment SCP's N-EVENT-REPORT to a request of this archive (PS3.4 J.3.3), validated:
 * event type 1 or 2, the Transaction UID, the committed instances (Referenced SOP Sequence) and the failed
 * ones with their Failure Reason (Failed SOP Sequence). What is wrong with it is answered in the
 * N-EVENT-REPORT-RSP with the statuses PS3.7 10.1.1.1.8 lists for N-EVENT-REPORT.
 *
 * @param failed Failure Reason by SOP Instance UID
 */
record ReceivedReport(int eventTypeId, String transactionUid, String retrieveAeTitle, Set<String> committed,
                      Map<String, Integer> failed) {

    static ReceivedReport of(int eventTypeId, String affectedSopInstance, Attributes info)
            throws CommitmentRequest.Invalid {
        if (eventTypeId != EventReport.ALL_SUCCESS && eventTypeId != EventReport.FAILURES_EXIST) {
            throw new CommitmentRequest.Invalid(Status.NO_SUCH_EVENT_TYPE, "event type " + eventTypeId
                    + ": Storage Commitment reports event type 1 (successful) or 2 (failures exist)");
        }
        if (!UID.StorageCommitmentPushModelInstance.equals(affectedSopInstance)) {
            throw new CommitmentRequest.Invalid(Status.INVALID_OBJECT_INSTANCE, "Affected SOP Instance UID "
                    + affectedSopInstance + ": the Storage Commitment Push Model SOP Instance is "
                    + UID.StorageCommitmentPushModelInstance);
        }
        String uid = info == null ? null : info.getString(Tag.TransactionUID);
        if (uid == null || uid.isBlank()) {
            throw new CommitmentRequest.Invalid(Status.INVALID_ARGUMENT_VALUE,
                    "no Transaction UID (0008,1195) in the report");
        }
        Set<String> committed = new HashSet<>();
        Sequence refs = info.getSequence(Tag.ReferencedSOPSequence);
        for (int i = 0; refs != null && i < refs.size(); i++) {
            committed.add(instance(refs.get(i), "Referenced SOP Sequence", i));
        }
        Map<String, Integer> failed = new HashMap<>();
        Sequence failures = info.getSequence(Tag.FailedSOPSequence);
        for (int i = 0; failures != null && i < failures.size(); i++) {
            Attributes item = failures.get(i);
            failed.put(instance(item, "Failed SOP Sequence", i), item.getInt(Tag.FailureReason, Status.PROCESSING_FAILURE));
        }
        if (eventTypeId == EventReport.FAILURES_EXIST && failed.isEmpty()) {
            throw new CommitmentRequest.Invalid(Status.INVALID_ARGUMENT_VALUE,
                    "event type 2 (failures exist) without a Failed SOP Sequence (0008,1198)");
        }
        if (eventTypeId == EventReport.ALL_SUCCESS && !failed.isEmpty()) {
            throw new CommitmentRequest.Invalid(Status.INVALID_ARGUMENT_VALUE,
                    "event type 1 (successful) with a Failed SOP Sequence (0008,1198)");
        }
        return new ReceivedReport(eventTypeId, uid.strip(), info.getString(Tag.RetrieveAETitle), Set.copyOf(committed),
                Map.copyOf(failed));
    }

    private static String instance(Attributes item, String sequence, int i) throws CommitmentRequest.Invalid {
        String iuid = item.getString(Tag.ReferencedSOPInstanceUID);
        if (iuid == null || iuid.isBlank()) {
            throw new CommitmentRequest.Invalid(Status.INVALID_ARGUMENT_VALUE, "item " + (i + 1) + " of the "
                    + sequence + " lacks its Referenced SOP Instance UID");
        }
        return iuid.strip();
    }

    /**
     * Puts the results on the items of the request {@code c} of this archive: committed or failed as the report
     * names them; an instance the report leaves out failed (0x0110), since the report closes the transaction.
     */
    void applyTo(Commitment c) {
        String remote = c.getCalledAe();
        for (CommitmentItem item : c.getItems()) {
            String iuid = item.getSopInstanceUid();
            Integer reason = failed.get(iuid);
            if (reason != null) {
                item.failed(reason, remote + ": " + FailureReasons.text(reason));
            } else if (committed.contains(iuid)) {
                item.committed();
            } else {
                item.failed(Status.PROCESSING_FAILURE, "not in the report of " + remote);
            }
        }
    }
}
