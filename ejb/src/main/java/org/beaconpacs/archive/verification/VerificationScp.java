package org.beaconpacs.archive.verification;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Set;
import org.beaconpacs.archive.dimse.Capability;
import org.beaconpacs.archive.dimse.DimseScp;
import org.beaconpacs.archive.dimse.TransferSyntaxPolicy;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.scp.Responder;

/** Verification SCP (PS3.4 Annex A): a C-ECHO is answered with success, from any calling AE. */
@ApplicationScoped
public class VerificationScp implements DimseScp {

    private static final Capability CAPABILITY = Capability.of("Verification", Set.of(UID.Verification),
            Set.of(CommandField.C_ECHO_RQ), TransferSyntaxPolicy.ANY, null);

    @Override
    public Capability capability() {
        return CAPABILITY;
    }

    @Override
    public void onRequest(DimseRequest request, Responder responder) throws IOException {
        responder.respond(Status.SUCCESS);
    }
}
