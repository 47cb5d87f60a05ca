package org.beaconpacs.dicom.testing;

import org.beaconpacs.dicom.data.Attributes;

/** Helpers for comparing data sets in tests. */
public final class Datasets {

    private Datasets() {
    }

    /** A copy without group length elements (gggg,0000), which change with the encoding. */
    public static Attributes withoutGroupLengths(Attributes ds) {
        Attributes copy = new Attributes(ds);
        for (int tag : copy.tags()) {
            if ((tag & 0xFFFF) == 0) {
                copy.remove(tag);
            }
        }
        return copy;
    }
}
