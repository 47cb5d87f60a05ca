package org.beaconpacs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;

/**
 * Sends every Part 10 CT file of a directory on one association with dicom-net's SCU, as
 * {@code storescu +sd} does. Usage: {@code StoreTool <host> <port> <calledAE> <directory> [rounds]}; with
 * several rounds in one JVM the later ones show the warm (server-like) throughput.
 */
public final class StoreTool {

    private StoreTool() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[3]))) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            AAssociateRQ rq = DicomClient.request("STORETOOL", args[2]);
            rq.addPresentationContext(PresentationContext.rq(1, UID.CTImageStorage, UID.ExplicitVRLittleEndian));
            try (DicomClient c = DicomClient.connect(args[0], Integer.parseInt(args[1]), rq, Timeouts.DEFAULT)) {
                for (Command rsp : c.storeAll(files)) {
                    if (rsp.status() != Status.SUCCESS) {
                        throw new IOException("store failed: " + rsp);
                    }
                }
                c.release();
            }
            // the transfer alone, from connect to release, without JVM start-up (and, after round 1, warm)
            System.err.printf("transfer %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
    }
}
