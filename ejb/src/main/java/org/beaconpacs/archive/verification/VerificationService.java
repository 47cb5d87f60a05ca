package org.beaconpacs.archive.verification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.scp.Responder;

/** Verification SCP (PS3.4 Annex A): a C-ECHO is answered with success. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VerificationService {

    public void echo(DimseRequest request, Responder responder) throws IOException {
        responder.respond(Status.SUCCESS);
    }
}
