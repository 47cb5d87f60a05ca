package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.archive.it.testing.Management;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Undeploying the archive closes every listener and association and leaves no DICOM thread behind; a
 * sender storing across a redeploy is turned away and tries again, but never hears a failure.
 */
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

    /**
     * A modality storing while the archive is redeployed sees refused connections and transient
     * rejections (it tries again), never a failure status: the listener opens only when the services are
     * ready, and from the start of the undeploy associations are rejected as transient.
     */
    @Test
    void aSenderStoringInALoopAcrossARedeployNeverSeesAFailureStatus() throws Exception {
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        AtomicBoolean stop = new AtomicBoolean();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger retries = new AtomicInteger();
        Thread sender = new Thread(() -> {
            Attributes ds = null;
            for (int i = 1; !stop.get(); ) {
                if (ds == null) {
                    ds = Synthetic.ct("REDEPLOY1", "Redeploy^Loop", study, series, i, 1024);
                }
                String iuid = ds.getString(Tag.SOPInstanceUID);
                try (DicomClient c = CtStore.client("LOOPSCU")) {
                    Command rsp = CtStore.store(c, iuid, Synthetic.encode(ds));
                    if (rsp.status() == Status.SUCCESS) {
                        acknowledged.add(iuid);
                    } else {
                        failures.add(Status.toString(rsp.status()) + " " + rsp.errorComment());
                    }
                    c.release();
                    ds = null; // answered: the next object
                    i++;
                } catch (Exception e) {
                    // refused, rejected (transient) or aborted: as a modality does, send the same object again
                    retries.incrementAndGet();
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        });
        sender.start();
        try {
            awaitAcknowledged(acknowledged, 5);
            try (Management management = new Management()) {
                management.deployment("beacon.ear", "undeploy");
                management.deployment("beacon.ear", "deploy");
            }
            awaitAcknowledged(acknowledged, acknowledged.size() + 5);
        } finally {
            stop.set(true);
            sender.join(60_000);
        }
        assertEquals(List.of(), failures, "no failure status across the redeploy");
        assertTrue(retries.get() > 0, "the sender met the archive away and tried again");
        assertEquals(acknowledged.size(), Beacon.object(Beacon.api("GET", "/studies/" + study, null))
                .getInt("numberOfInstances"), "every acknowledged object is stored");
        assertEquals(204, Beacon.api("DELETE", "/studies/" + study, null).statusCode());
    }

    private static void awaitAcknowledged(Set<String> acknowledged, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (acknowledged.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acknowledged.size() + " stores acknowledged, " + count + " awaited");
            }
            Thread.sleep(50);
        }
    }
}
