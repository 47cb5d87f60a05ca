package org.beaconpacs.archive.rar.api;

import org.beaconpacs.dicom.net.association.Message;

/** A DIMSE request as delivered to the archive: the association it came on and the message itself. */
public record DimseRequest(AssociationInfo association, Message message) {
}
