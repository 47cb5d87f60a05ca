package org.beaconpacs.archive.worklist;

import java.util.List;
import org.beaconpacs.dicom.data.Attributes;

/**
 * The scheduled steps of an order (by its Study Instance UID) as they are now, fired in the transaction that
 * created, changed or removed them (none left: the order is gone): each step as a worklist answer, the
 * patient's and the order's attributes with the step in its Scheduled Procedure Step Sequence.
 */
public record WorklistChanged(String studyUid, List<Attributes> steps) {
}
