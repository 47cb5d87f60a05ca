package org.beaconpacs.archive.it.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beaconpacs.dicom.net.testing.Dcmtk;

/**
 * HL7 v2 to the archive's MLLP listener from a sender that is not ours: Debian's python3-hl7
 * ({@code mllp_send}). Skips where it is absent, fails under CI.
 */
public final class Mllp {

    public static final int PORT = 2575;
    private static final Path MLLP_SEND = Path.of("/usr/bin/mllp_send");

    private Mllp() {
    }

    public static void require() {
        boolean present = Files.isExecutable(MLLP_SEND);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("mllp_send is missing under CI: .ci/run must install python3-hl7");
        }
        assumeTrue(present, "python3-hl7 not installed (apt-get install python3-hl7); skipping");
    }

    /**
     * Sends one message (its segments, joined by CR) through a file of MLLP frames, as mllp_send reads it;
     * the acknowledgement's MSA-1, then the whole acknowledgement (MSA-3 and ERR say why).
     */
    public static String send(Path file, String... segments) throws Exception {
        return send(PORT, file, segments);
    }

    /** The same, to the listener at {@code port}. */
    public static String send(int port, Path file, String... segments) throws Exception {
        Files.writeString(file, "\u000b" + String.join("\r", segments) + "\r\u001c\r", StandardCharsets.UTF_8);
        Dcmtk.Result r = Dcmtk.run(MLLP_SEND.toString(), "-p", String.valueOf(port), "-f", file.toString(),
                Beacon.HOST);
        String out = r.output().replace('\r', '\n');
        for (String line : out.split("\n")) {
            if (line.startsWith("MSA|")) {
                return line.split("\\|", -1)[1] + " " + out.replace('\n', ' ');
            }
        }
        throw new AssertionError("no ACK from the archive: " + r.output());
    }

    /** An MSH segment of the test's RIS. */
    public static String msh(String type, String version, String control) {
        return "MSH|^~\\&|RIS|HOSP|BEACON|HOSP|20261202090000||" + type + "|" + control + "|P|" + version;
    }
}
