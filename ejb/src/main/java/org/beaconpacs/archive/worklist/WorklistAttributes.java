package org.beaconpacs.archive.worklist;

import org.beaconpacs.archive.entity.worklist.ScheduledStep;
import org.beaconpacs.archive.entity.worklist.WorklistItem;
import org.beaconpacs.archive.index.AttributeBlobs;
import org.beaconpacs.archive.query.Texts;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;

/**
 * A worklist item put together again from what is kept of it (the patient's, the order's, each step's
 * attributes), text decoded: as a C-FIND answer is matched and written, as REST returns it.
 */
final class WorklistAttributes {

    private static final String UTF_8 = "ISO_IR 192";

    private WorklistAttributes() {
    }

    /** The item with every step in its Scheduled Procedure Step Sequence, in UTF-8. */
    static Attributes of(WorklistItem item) {
        Attributes a = base(item.getPatient().getAttributes(), item.getAttributes());
        Sequence sps = a.newSequence(Tag.ScheduledProcedureStepSequence);
        for (ScheduledStep s : item.getSteps()) {
            sps.add(step(s.getAttributes()));
        }
        a.setString(Tag.SpecificCharacterSet, VR.CS, UTF_8);
        return a;
    }

    /** One worklist answer: the item with one step, from the three blobs, text decoded. */
    static Attributes of(byte[] patient, byte[] order, byte[] step) {
        Attributes a = base(patient, order);
        a.newSequence(Tag.ScheduledProcedureStepSequence).add(step(step));
        return a;
    }

    private static Attributes base(byte[] patient, byte[] order) {
        Attributes a = Texts.decoded(AttributeBlobs.decode(patient));
        a.addAll(Texts.decoded(AttributeBlobs.decode(order)));
        a.remove(Tag.SpecificCharacterSet);
        return a;
    }

    private static Attributes step(byte[] blob) {
        Attributes step = Texts.decoded(AttributeBlobs.decode(blob));
        step.remove(Tag.SpecificCharacterSet);
        return step;
    }
}
