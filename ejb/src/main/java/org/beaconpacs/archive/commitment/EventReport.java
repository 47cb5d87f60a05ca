package org.beaconpacs.archive.commitment;

import org.beaconpacs.archive.entity.commitment.Commitment;
import org.beaconpacs.archive.entity.commitment.CommitmentItem;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;

/**
 * The Event Information of a Storage Commitment N-EVENT-REPORT (PS3.4 J.3.3.1.1): event type 1 when every
 * instance is committed, 2 when some failed; the Transaction UID of the request, the Retrieve AE Title of
 * the archive, the committed instances in the Referenced SOP Sequence and the failed ones, each with its
 * Failure Reason, in the Failed SOP Sequence.
 */
record EventReport(int eventTypeId, Attributes information) {

    static final int ALL_SUCCESS = 1;
    static final int FAILURES_EXIST = 2;

    /** The report of {@code c}, decided; {@code retrieveAeTitle} is where the committed instances can be had. */
    static EventReport of(Commitment c, String retrieveAeTitle) {
        Attributes info = new Attributes();
        info.setString(Tag.TransactionUID, VR.UI, c.getTransactionUid());
        info.setString(Tag.RetrieveAETitle, VR.AE, retrieveAeTitle);
        Sequence committed = null;
        Sequence failed = null;
        for (CommitmentItem item : c.getItems()) {
            Attributes ref = new Attributes(3);
            ref.setString(Tag.ReferencedSOPClassUID, VR.UI, item.getSopClassUid());
            ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, item.getSopInstanceUid());
            switch (item.getResult()) {
                case COMMITTED -> {
                    committed = committed != null ? committed : info.newSequence(Tag.ReferencedSOPSequence);
                    committed.add(ref);
                }
                case FAILED -> {
                    ref.setInt(Tag.FailureReason, VR.US, item.getFailureReason());
                    failed = failed != null ? failed : info.newSequence(Tag.FailedSOPSequence);
                    failed.add(ref);
                }
                case PENDING -> throw new IllegalStateException("transaction " + c.getTransactionUid()
                        + " is not decided: " + item.getSopInstanceUid() + " is pending");
            }
        }
        return new EventReport(failed == null ? ALL_SUCCESS : FAILURES_EXIST, info);
    }
}
