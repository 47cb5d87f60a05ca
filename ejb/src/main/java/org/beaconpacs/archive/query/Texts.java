package org.beaconpacs.archive.query;

import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;

/**
 * Text values decoded under their data set's Specific Character Set, so that attributes stored under
 * different character sets (the patient's from one object, the study's from another) can be matched
 * together and written under the one character set of an answer.
 */
final class Texts {

    private Texts() {
    }

    /** A copy of {@code attrs} whose text values are strings, no longer bytes of a character set. */
    static Attributes decoded(Attributes attrs) {
        Attributes copy = new Attributes(attrs.size());
        for (int i = 0; i < attrs.size(); i++) {
            int tag = attrs.tagAt(i);
            VR vr = attrs.vrAt(i);
            Object value = attrs.valueAt(i);
            if (value instanceof Sequence seq) {
                Sequence s = copy.newSequence(tag, vr, seq.isUndefinedLength());
                for (Attributes item : seq) {
                    s.add(decoded(item));
                }
            } else if (vr.usesSpecificCharacterSet() && value instanceof byte[]) {
                copy.setString(tag, vr, attrs.getStrings(tag));
            } else {
                copy.setValue(tag, vr, value);
            }
        }
        return copy;
    }
}
