package org.beaconpacs.dicom.net.association;

import java.io.InputStream;
import org.beaconpacs.dicom.net.dimse.Command;

/**
 * One DIMSE message as received: the presentation context it came on with that context's abstract syntax
 * (the SOP class, or Meta SOP Class, the service was negotiated for) and transfer syntax, its command set,
 * and its data set as a stream (null if it has none). The stream must be read or skipped before
 * the next message is received; it never holds the data set in memory.
 */
public record Message(int presentationContextId, String abstractSyntax, String transferSyntax, Command command,
                      InputStream data) {
}
