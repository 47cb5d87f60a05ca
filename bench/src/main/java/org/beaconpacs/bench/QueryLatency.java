package org.beaconpacs.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.scu.FindResults;

/**
 * C-FIND latency from one warm SCU (no process start-up in the figures): {@code n} study-level queries by
 * exact Patient ID of random patients P00001..P{patients} on one association, then a wildcard query on
 * Patient's Name; prints p50 and p95 of the exact queries, and the wildcard query's time to its first
 * answer, its total time and its number of answers.
 *
 * <p>Usage: {@code QueryLatency <host> <port> <calledAe> <patients> <n> <namePattern>}
 */
public final class QueryLatency {

    private QueryLatency() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String called = args[2];
        int patients = Integer.parseInt(args[3]);
        int n = Integer.parseInt(args[4]);
        String pattern = args[5];
        AAssociateRQ rq = DicomClient.request("LATENCY", called);
        rq.addPresentationContext(PresentationContext.rq(1, UID.StudyRootQueryRetrieveInformationModelFind,
                UID.ExplicitVRLittleEndian));
        SplittableRandom random = new SplittableRandom(7);
        try (DicomClient c = DicomClient.connect(host, port, rq, Timeouts.DEFAULT)) {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < n + 20; i++) {
                Attributes keys = keys(Tag.PatientID, String.format("P%05d", 1 + random.nextInt(patients)));
                long t0 = System.nanoTime();
                int answers = drain(c.find(UID.StudyRootQueryRetrieveInformationModelFind, keys));
                if (i >= 20) { // the first ones warm the JIT up
                    millis.add((System.nanoTime() - t0) / 1e6);
                }
                if (answers == 0) {
                    throw new IllegalStateException("no study for " + keys.getString(Tag.PatientID));
                }
            }
            Collections.sort(millis);
            System.out.printf("exact Patient ID: %d queries, p50 %.1f ms, p95 %.1f ms%n", millis.size(),
                    millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1));
            for (int r = 0; r < 3; r++) {
                long t0 = System.nanoTime();
                FindResults results = c.find(UID.StudyRootQueryRetrieveInformationModelFind,
                        keys(Tag.PatientName, pattern));
                double first = -1;
                int answers = 0;
                while (results.hasNext()) {
                    results.next();
                    if (answers++ == 0) {
                        first = (System.nanoTime() - t0) / 1e6;
                    }
                }
                Command last = results.finalResponse();
                System.out.printf("Patient's Name %s: %d answers, first after %.1f ms, all after %.1f ms (status %04X)%n",
                        pattern, answers, first, (System.nanoTime() - t0) / 1e6, last.status());
            }
            c.release();
        }
    }

    private static Attributes keys(int tag, String value) {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setNull(Tag.StudyInstanceUID, VR.UI);
        keys.setNull(Tag.PatientName, VR.PN);
        keys.setString(tag, tag == Tag.PatientName ? VR.PN : VR.LO, value);
        keys.setNull(Tag.StudyDate, VR.DA);
        keys.setNull(Tag.NumberOfStudyRelatedInstances, VR.IS);
        return keys;
    }

    private static int drain(FindResults results) {
        int n = 0;
        while (results.hasNext()) {
            results.next();
            n++;
        }
        return n;
    }
}
