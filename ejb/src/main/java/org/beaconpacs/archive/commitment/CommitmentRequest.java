package org.beaconpacs.archive.commitment;

import java.util.ArrayList;
import java.util.List;
import org.beaconpacs.archive.entity.commitment.CommitmentItem;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.dimse.Status;

/**
 * A Request Storage Commitment (PS3.4 J.3.2, N-ACTION action type 1): its Transaction UID and the instances
 * of its Referenced SOP Sequence, validated. What is wrong with a request is answered in the N-ACTION-RSP
 * with the statuses PS3.7 10.1.4.1.10 lists for N-ACTION (there is no "missing attribute" among them: a
 * missing argument is an invalid argument value, with an error comment that names it).
 */
record CommitmentRequest(String transactionUid, List<CommitmentItem> items) {

    static final int REQUEST_STORAGE_COMMITMENT = 1;
    /** More instances than this in one request are refused (Resource limitation): send several requests. */
    static final int MAX_INSTANCES = 100_000;

    /** Why a request is refused: the N-ACTION-RSP status and its error comment. */
    static final class Invalid extends Exception {
        private final int status;

        Invalid(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    static CommitmentRequest of(int actionTypeId, String requestedSopInstance, Attributes info) throws Invalid {
        if (actionTypeId != REQUEST_STORAGE_COMMITMENT) {
            throw new Invalid(Status.NO_SUCH_ACTION_TYPE, "action type " + actionTypeId
                    + ": Storage Commitment has only action type 1 (Request Storage Commitment)");
        }
        if (!UID.StorageCommitmentPushModelInstance.equals(requestedSopInstance)) {
            throw new Invalid(Status.INVALID_OBJECT_INSTANCE, "Requested SOP Instance UID " + requestedSopInstance
                    + ": the Storage Commitment Push Model SOP Instance is " + UID.StorageCommitmentPushModelInstance);
        }
        String uid = info == null ? null : info.getString(Tag.TransactionUID);
        if (uid == null || uid.isBlank()) {
            throw new Invalid(Status.INVALID_ARGUMENT_VALUE, "no Transaction UID (0008,1195) in the request");
        }
        Sequence refs = info.getSequence(Tag.ReferencedSOPSequence);
        if (refs == null || refs.isEmpty()) {
            throw new Invalid(Status.INVALID_ARGUMENT_VALUE, "no item in the Referenced SOP Sequence (0008,1199)");
        }
        if (refs.size() > MAX_INSTANCES) {
            throw new Invalid(Status.RESOURCE_LIMITATION, refs.size() + " instances in one request; at most "
                    + MAX_INSTANCES);
        }
        List<CommitmentItem> items = new ArrayList<>(refs.size());
        for (int i = 0; i < refs.size(); i++) {
            Attributes ref = refs.get(i);
            String cuid = ref.getString(Tag.ReferencedSOPClassUID);
            String iuid = ref.getString(Tag.ReferencedSOPInstanceUID);
            if (cuid == null || cuid.isBlank() || iuid == null || iuid.isBlank()) {
                throw new Invalid(Status.INVALID_ARGUMENT_VALUE, "item " + (i + 1) + " of the Referenced SOP Sequence"
                        + " lacks its Referenced SOP Class UID or Referenced SOP Instance UID");
            }
            items.add(new CommitmentItem(cuid.strip(), iuid.strip()));
        }
        return new CommitmentRequest(uid.strip(), items);
    }
}
