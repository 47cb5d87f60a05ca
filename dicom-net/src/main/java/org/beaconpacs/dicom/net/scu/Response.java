package org.beaconpacs.dicom.net.scu;

import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.net.dimse.Command;

/** A response as the SCU sees it: the command (status, counts, error comment) and its data set, if any. */
public record Response(Command command, Attributes dataset) {

    public int status() {
        return command.status();
    }
}
