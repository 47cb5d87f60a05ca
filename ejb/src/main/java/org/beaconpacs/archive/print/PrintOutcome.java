package org.beaconpacs.archive.print;

import org.beaconpacs.dicom.data.Attributes;

/**
 * What a print request did: the SOP Instance concerned, the attributes to answer with (null: none), and a
 * warning of PS3.4 H (0xB600 memory allocation not supported, 0xB605 densities outside the printer's range,
 * 0xB604 image demagnified...; 0 for none) with its explanation.
 */
public record PrintOutcome(String uid, Attributes data, int warning, String comment) {

    public static PrintOutcome done(String uid, Attributes data) {
        return new PrintOutcome(uid, data, 0, null);
    }

    /** This outcome, with {@code status} as its warning unless it already has one. */
    public PrintOutcome warn(int status, String why) {
        return warning != 0 || status == 0 ? this : new PrintOutcome(uid, data, status, why);
    }

    /** This outcome without attributes to answer with (an N-SET-RSP needs none). */
    public PrintOutcome withoutData() {
        return new PrintOutcome(uid, null, warning, comment);
    }
}
