package org.beaconpacs.archive.query;

import java.util.List;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;

/**
 * Text values decoded under their data set's Specific Character Set, so that attributes stored under
 * different character sets (the patient's from one object, the study's from another) can be matched
 * together and written under the one character set of an answer.
 */
public final class Texts {

    private Texts() {
    }

    /**
     * The attributes {@code keys} asks about, from the first of {@code levels} (patient, study, series,
     * instance) that has each, decoded: what matching and the answer read, and nothing they do not.
     */
    static Attributes keysOf(Attributes keys, List<Attributes> levels) {
        Attributes out = new Attributes(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (tag == Tag.SpecificCharacterSet) {
                continue;
            }
            for (Attributes level : levels) {
                int at = level.indexOf(tag);
                if (at >= 0) {
                    copyDecoded(level, at, out);
                    break;
                }
            }
        }
        return out;
    }

    /** A copy of {@code attrs} whose text values are strings, no longer bytes of a character set. */
    public static Attributes decoded(Attributes attrs) {
        Attributes copy = new Attributes(attrs.size());
        for (int i = 0; i < attrs.size(); i++) {
            copyDecoded(attrs, i, copy);
        }
        return copy;
    }

    private static void copyDecoded(Attributes attrs, int i, Attributes to) {
        int tag = attrs.tagAt(i);
        VR vr = attrs.vrAt(i);
        Object value = attrs.valueAt(i);
        if (value instanceof Sequence seq) {
            Sequence s = to.newSequence(tag, vr, seq.isUndefinedLength());
            for (Attributes item : seq) {
                s.add(decoded(item));
            }
        } else if (vr.usesSpecificCharacterSet() && value instanceof byte[]) {
            to.setString(tag, vr, attrs.getStrings(tag));
        } else {
            to.setValue(tag, vr, value);
        }
    }
}
