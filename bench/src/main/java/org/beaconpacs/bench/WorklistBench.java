package org.beaconpacs.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.FileMetaInformation;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.scu.FindResults;

/**
 * The worklist benchmark's two halves. {@code hl7}: {@code n} OMI^O23 orders over one MLLP connection, each
 * acknowledgement awaited (the RIS's pace), spread over {@code stations} stations ST01.. and 21 days around
 * today; prints orders per second and how many were not AA. {@code files}: the same orders as worklist files
 * for DCMTK's wlmscpfs. {@code query}: {@code q} worklist queries of random stations for today (the
 * modality's query: its AE title, today's date) from one warm SCU; prints p50, p95 and the answers per query.
 *
 * <p>Usage: {@code WorklistBench hl7 <host> <hl7Port> <n> <stations>},
 * {@code WorklistBench files <dir> <n> <stations>},
 * {@code WorklistBench query <host> <dicomPort> <calledAe> <q> <stations>}
 */
public final class WorklistBench {

    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    private WorklistBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "hl7" -> hl7(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "files" -> files(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "query" -> query(args[1], Integer.parseInt(args[2]), args[3], Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("hl7, files or query, not " + args[0]);
        }
    }

    /** Order {@code i}: its station, its day (today - 10 .. today + 10), its identifiers. */
    private static String station(int i, int stations) {
        return String.format("ST%02d", 1 + i % stations);
    }

    private static LocalDate day(int i, int stations) {
        return LocalDate.now().plusDays((i / stations) % 21 - 10);
    }

    private static void hl7(String host, int port, int n, int stations) throws IOException {
        int refused = 0;
        long t0 = System.nanoTime();
        try (Socket s = new Socket(host, port)) {
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            InputStream in = new BufferedInputStream(s.getInputStream());
            for (int i = 0; i < n; i++) {
                String date = day(i, stations).format(DA);
                String msg = String.join("\r",
                        "MSH|^~\\&|RIS|HOSP|BEACON|HOSP|" + date + "080000||OMI^O23^OMI_O23|B" + i + "|P|2.5",
                        "PID|||BP" + (i / 2) + "^^^HOSP||Bench^Patient" + (i / 2) + "||19700101|F",
                        "ORC|NW|BPL" + i, "TQ1|||||||" + date + String.format("%02d%02d00", 7 + i % 10, i % 60),
                        "OBR|1|BPL" + i + "||CT" + (i % 7) + "^CT exam " + (i % 7) + "^L",
                        "IPC|BA" + i + "|BR" + i + "|2.25.9" + i + "|BS" + i + "|CT||CT room|Room|"
                                + station(i, stations)) + "\r";
                byte[] body = msg.getBytes(StandardCharsets.UTF_8);
                byte[] framed = new byte[body.length + 3];
                framed[0] = 0x0B;
                System.arraycopy(body, 0, framed, 1, body.length);
                framed[framed.length - 2] = 0x1C;
                framed[framed.length - 1] = 0x0D;
                out.write(framed);
                out.flush();
                String ack = readFrame(in);
                if (!ack.contains("MSA|AA")) {
                    refused++;
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("HL7: %d orders over one MLLP connection in %.1f s = %.0f orders/s (%d not AA)%n", n,
                seconds, n / seconds, refused);
    }

    private static String readFrame(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) != 0x0B) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
        }
        ByteArrayOutputStream ack = new ByteArrayOutputStream(256);
        while ((b = in.read()) != 0x1C) {
            if (b < 0) {
                throw new IOException("connection closed inside an ACK");
            }
            ack.write(b);
        }
        in.read(); // CR
        return ack.toString(StandardCharsets.UTF_8);
    }

    /** The same orders as worklist files (Part 10), as wlmscpfs reads them from one folder. */
    private static void files(Path dir, int n, int stations) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("lockfile"), new byte[0]);
        for (int i = 0; i < n; i++) {
            Attributes a = new Attributes();
            a.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
            a.setString(Tag.PatientID, VR.LO, "BP" + (i / 2));
            a.setString(Tag.PatientName, VR.PN, "Bench^Patient" + (i / 2));
            a.setString(Tag.PatientBirthDate, VR.DA, "19700101");
            a.setString(Tag.PatientSex, VR.CS, "F");
            a.setString(Tag.AccessionNumber, VR.SH, "BA" + i);
            a.setString(Tag.RequestedProcedureID, VR.SH, "BR" + i);
            a.setString(Tag.StudyInstanceUID, VR.UI, "2.25.9" + i);
            a.setString(Tag.RequestedProcedureDescription, VR.LO, "CT exam " + (i % 7));
            Attributes step = new Attributes();
            step.setString(Tag.Modality, VR.CS, "CT");
            step.setString(Tag.ScheduledStationAETitle, VR.AE, station(i, stations));
            step.setString(Tag.ScheduledProcedureStepStartDate, VR.DA, day(i, stations).format(DA));
            step.setString(Tag.ScheduledProcedureStepStartTime, VR.TM, String.format("%02d%02d00", 7 + i % 10, i % 60));
            step.setString(Tag.ScheduledProcedureStepID, VR.SH, "BS" + i);
            step.setString(Tag.ScheduledProcedureStepDescription, VR.LO, "CT exam " + (i % 7));
            step.setString(Tag.ScheduledStationName, VR.SH, "CT room");
            a.newSequence(Tag.ScheduledProcedureStepSequence).add(step);
            try (DicomWriter w = new DicomWriter(Files.newOutputStream(dir.resolve("wl" + i + ".wl")))) {
                w.writeFile(FileMetaInformation.create(UID.ModalityWorklistInformationModelFind, "2.25.8" + i,
                        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), "BENCH"), a);
            }
        }
    }

    private static void query(String host, int port, String called, int q, int stations) throws Exception {
        AAssociateRQ rq = DicomClient.request("WLBENCH", called);
        rq.addPresentationContext(PresentationContext.rq(1, UID.ModalityWorklistInformationModelFind,
                UID.ExplicitVRLittleEndian));
        SplittableRandom random = new SplittableRandom(11);
        String today = LocalDate.now().format(DA);
        List<Double> millis = new ArrayList<>();
        long answers = 0;
        try (DicomClient c = DicomClient.connect(host, port, rq, Timeouts.DEFAULT)) {
            for (int i = 0; i < q + 20; i++) {
                Attributes keys = new Attributes();
                keys.setNull(Tag.PatientName, VR.PN);
                keys.setNull(Tag.PatientID, VR.LO);
                keys.setNull(Tag.PatientBirthDate, VR.DA);
                keys.setNull(Tag.PatientSex, VR.CS);
                keys.setNull(Tag.AccessionNumber, VR.SH);
                keys.setNull(Tag.RequestedProcedureID, VR.SH);
                keys.setNull(Tag.RequestedProcedureDescription, VR.LO);
                keys.setNull(Tag.StudyInstanceUID, VR.UI);
                Attributes step = new Attributes();
                step.setString(Tag.ScheduledStationAETitle, VR.AE, String.format("ST%02d", 1 + random.nextInt(stations)));
                step.setString(Tag.ScheduledProcedureStepStartDate, VR.DA, today);
                step.setNull(Tag.ScheduledProcedureStepStartTime, VR.TM);
                step.setNull(Tag.Modality, VR.CS);
                step.setNull(Tag.ScheduledProcedureStepID, VR.SH);
                step.setNull(Tag.ScheduledProcedureStepDescription, VR.LO);
                keys.newSequence(Tag.ScheduledProcedureStepSequence).add(step);
                long t0 = System.nanoTime();
                FindResults r = c.find(UID.ModalityWorklistInformationModelFind, keys);
                int n = 0;
                while (r.hasNext()) {
                    r.next();
                    n++;
                }
                if (i >= 20) { // the first ones warm the JIT up
                    millis.add((System.nanoTime() - t0) / 1e6);
                    answers += n;
                }
            }
            c.release();
        }
        Collections.sort(millis);
        System.out.printf("worklist query (station AE title, today): %d queries, %.1f answers each, p50 %.1f ms,"
                + " p95 %.1f ms%n", millis.size(), answers / (double) millis.size(), millis.get(millis.size() / 2),
                millis.get((int) Math.ceil(millis.size() * 0.95) - 1));
    }
}
