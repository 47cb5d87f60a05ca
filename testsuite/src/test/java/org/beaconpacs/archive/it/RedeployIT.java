package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.Management;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Undeploying the archive closes every listener and association and leaves no DICOM thread behind. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeployIT {

    @Test
    void undeployLeavesNoListenerThreadOrPortAndRedeployServesAgain() throws Exception {
        Dcmtk.require("echoscu");
        AAssociateRQ rq = DicomClient.request("OPENATUNDEPLOY", Beacon.AE_TITLE);
        rq.addPresentationContext(PresentationContext.rq(1, UID.Verification,
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid()));
        DicomClient open = DicomClient.connect(Beacon.HOST, Beacon.dicomPort(), rq, Timeouts.DEFAULT);
        assertEquals(0, open.echo());
        try (Management management = new Management()) {
            management.deployment("beacon.ear", "undeploy");
            try {
                assertFalse(Beacon.listening(Beacon.dicomPort()), "the listener port closed");
                // pool threads of the container may stay idle; none may still run our code or carry
                // the names our listeners and associations give theirs
                List<String> dicomThreads = management.threadsIn("org.beaconpacs", "dicom-association");
                dicomThreads.addAll(management.threadsIn("org.beaconpacs.archive.rar", "dicom-listener"));
                assertTrue(dicomThreads.isEmpty(), "DICOM threads left: " + dicomThreads);
                assertThrows(IOException.class, open::echo, "the open association was ended");
            } finally {
                management.deployment("beacon.ear", "deploy");
            }
        } finally {
            open.close();
        }
        Dcmtk.Result echo = Dcmtk.run("echoscu", "-aec", Beacon.AE_TITLE, Beacon.HOST,
                String.valueOf(Beacon.dicomPort()));
        assertEquals(0, echo.exitCode(), echo.output());
    }
}
