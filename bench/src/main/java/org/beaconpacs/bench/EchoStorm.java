package org.beaconpacs.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;

/**
 * Association set-up under load: {@code clients} threads open {@code total} associations between them,
 * each A-ASSOCIATE, one C-ECHO, A-RELEASE, as many modalities checking their link at once. Prints one line
 * per round: associations per second, and the median and 95th percentile of one association's time.
 * Usage: {@code EchoStorm <host> <port> <calledAE> <total> <clients> [rounds]}; rounds after the first
 * run in a warm JVM.
 */
public final class EchoStorm {

    private EchoStorm() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String called = args[2];
        int total = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int round = 1; round <= rounds; round++) {
                long[] micros = new long[total];
                AtomicInteger next = new AtomicInteger();
                AtomicInteger failures = new AtomicInteger();
                long start = System.nanoTime();
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    running.add(pool.submit(() -> {
                        for (int i; (i = next.getAndIncrement()) < total; ) {
                            long t0 = System.nanoTime();
                            if (!echo(host, port, called)) {
                                failures.incrementAndGet();
                            }
                            micros[i] = (System.nanoTime() - t0) / 1000;
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Arrays.sort(micros);
                System.out.printf("%.1f assoc/s median %.1f ms p95 %.1f ms failures %d%n", total / seconds,
                        micros[total / 2] / 1000.0, micros[(int) (total * 0.95)] / 1000.0, failures.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean echo(String host, int port, String called) {
        AAssociateRQ rq = DicomClient.request("ECHOSTORM", called);
        rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
        try (DicomClient c = DicomClient.connect(host, port, rq, Timeouts.DEFAULT)) {
            boolean ok = c.echo() == Status.SUCCESS;
            c.release();
            return ok;
        } catch (IOException e) {
            return false;
        }
    }
}
