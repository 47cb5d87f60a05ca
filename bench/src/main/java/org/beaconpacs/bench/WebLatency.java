package org.beaconpacs.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * Times {@code count} sequential GETs of one URL from one warm client (no process start-up in the figures,
 * {@code warmup} untimed requests first): p50 and p95 in milliseconds, and the answer's status and size.
 *
 * <p>Usage: {@code WebLatency <url> <authorization header value> <accept> <count> <warmup>}
 */
public final class WebLatency {

    private WebLatency() {
    }

    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest rq = HttpRequest.newBuilder(URI.create(args[0])).header("Authorization", args[1])
                .header("Accept", args[2]).GET().build();
        int count = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int status = 0;
        long size = 0;
        for (int i = 0; i < warmup; i++) {
            http.send(rq, HttpResponse.BodyHandlers.discarding());
        }
        double[] ms = new double[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> rsp = http.send(rq, HttpResponse.BodyHandlers.ofByteArray());
            ms[i] = (System.nanoTime() - t0) / 1e6;
            status = rsp.statusCode();
            size = rsp.body().length;
        }
        Arrays.sort(ms);
        System.out.printf("p50 %.2f ms p95 %.2f ms status %d bytes %d%n", ms[count / 2], ms[(int) (count * 0.95)],
                status, size);
    }
}
