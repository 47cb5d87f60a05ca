package org.beaconpacs.dicom.net.scu;

import java.io.IOException;
import java.io.InputStream;
import org.beaconpacs.dicom.net.dimse.Command;

/** Receives the C-STORE sub-operations of a C-GET on the SCU's association; returns the status to answer. */
@FunctionalInterface
public interface StoreHandler {
    int store(Command request, String transferSyntax, InputStream data) throws IOException;
}
