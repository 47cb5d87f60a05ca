package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.Mllp;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.scu.FindResults;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The worklist query beyond DCMTK's examples: a C-CANCEL in the middle of a station's long worklist stops
 * its answers (the query ends with Cancel); names in Chinese come back in the character set the requestor
 * asked for.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorklistCancelIT {

    private static final int ITEMS = 300;

    /** One message framed, its ACK awaited: AA. */
    private static void send(Socket socket, String... segments) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("\u000b" + String.join("\r", segments) + "\r\u001c\r").getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder ack = new StringBuilder();
        for (int b = in.read(); b != 0x1C; b = in.read()) {
            if (b < 0) {
                throw new IOException("no ACK");
            }
            ack.append((char) b);
        }
        in.read();
        assertTrue(ack.toString().contains("MSA|AA"), ack.toString());
    }

    @Test
    void aCancelAfterTheFirstAnswerEndsTheWorklistQueryWithCancel() throws Exception {
        String station = "CANCEL" + System.nanoTime() % 1000;
        List<Long> ids = new ArrayList<>();
        try {
            // the orders over one MLLP connection (set-up only: Hl7IT proves HL7 with an independent sender)
            try (Socket socket = new Socket(Beacon.HOST, Mllp.PORT)) {
                send(socket, Mllp.msh("ADT^A04", "2.5", "CA" + station), "PID|||P" + station + "||Cancel^Carl");
                for (int i = 0; i < ITEMS; i++) {
                    send(socket, Mllp.msh("OMI^O23^OMI_O23", "2.5", "CO" + station + i),
                            "PID|||P" + station + "||Cancel^Carl", "ORC|NW|PC" + i, "TQ1|||||||20200102080000",
                            "OBR|1|PC" + i + "||CT^CT^L", "IPC|A" + station + i + "||2.25.77" + i + "|S" + i + "|CT||||"
                                    + station);
                }
            }
            for (var v : Beacon.array(Beacon.api("GET", "/worklist?max=5000&station=" + station, null))) {
                ids.add(v.asJsonObject().getJsonNumber("itemId").longValue());
            }
            assertEquals(ITEMS, ids.size());
            AAssociateRQ rq = DicomClient.request(station, Beacon.AE_TITLE);
            rq.addPresentationContext(PresentationContext.rq(1, UID.ModalityWorklistInformationModelFind,
                    UID.ExplicitVRLittleEndian));
            try (DicomClient c = DicomClient.connect(Beacon.HOST, Beacon.dicomPort(), rq, Timeouts.DEFAULT)) {
                Attributes keys = new Attributes();
                keys.setNull(Tag.PatientName, VR.PN);
                Attributes step = new Attributes();
                step.setString(Tag.ScheduledStationAETitle, VR.AE, station);
                keys.newSequence(Tag.ScheduledProcedureStepSequence).add(step);
                FindResults all = c.find(UID.ModalityWorklistInformationModelFind, keys);
                int n = 0;
                while (all.hasNext()) {
                    all.next();
                    n++;
                }
                assertEquals(ITEMS, n, "the station's whole worklist");
                FindResults results = c.find(UID.ModalityWorklistInformationModelFind, keys);
                results.next();
                results.cancel();
                int after = 0;
                while (results.hasNext()) {
                    results.next();
                    after++;
                }
                assertEquals(Status.CANCEL, results.finalResponse().status());
                assertTrue(after < ITEMS - 1, after + " answers after the cancel");
                c.release();
            }
        } finally {
            ids.parallelStream().forEach(id -> { // each REST call checks the password: several at once
                try {
                    Beacon.api("DELETE", "/worklist/" + id, null);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void aChineseNameComesBackInTheRequestorsCharacterSet() throws Exception {
        String station = "GB" + System.nanoTime() % 100000;
        String item = "{\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 192\"]},"
                + "\"00100020\":{\"vr\":\"LO\",\"Value\":[\"CN1\"]},"
                + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Wang^XiaoMing\","
                + "\"Ideographic\":\"王^小明\"}]},"
                + "\"00400100\":{\"vr\":\"SQ\",\"Value\":[{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\"]},"
                + "\"00400001\":{\"vr\":\"AE\",\"Value\":[\"" + station + "\"]},"
                + "\"00400002\":{\"vr\":\"DA\",\"Value\":[\"20200103\"]}}]}}";
        var r = Beacon.api("POST", "/worklist", item);
        assertEquals(201, r.statusCode(), r.body());
        long id = Beacon.object(r).getJsonNumber("id").longValue();
        try {
            AAssociateRQ rq = DicomClient.request(station, Beacon.AE_TITLE);
            rq.addPresentationContext(PresentationContext.rq(1, UID.ModalityWorklistInformationModelFind,
                    UID.ExplicitVRLittleEndian));
            try (DicomClient c = DicomClient.connect(Beacon.HOST, Beacon.dicomPort(), rq, Timeouts.DEFAULT)) {
                Attributes keys = new Attributes();
                keys.setString(Tag.SpecificCharacterSet, VR.CS, "GB18030");
                keys.setNull(Tag.PatientName, VR.PN);
                Attributes step = new Attributes();
                step.setString(Tag.ScheduledStationAETitle, VR.AE, station);
                keys.newSequence(Tag.ScheduledProcedureStepSequence).add(step);
                FindResults results = c.find(UID.ModalityWorklistInformationModelFind, keys);
                Attributes answer = results.next();
                assertEquals("GB18030", answer.getString(Tag.SpecificCharacterSet));
                assertEquals("Wang^XiaoMing=王^小明", answer.getString(Tag.PatientName));
                while (results.hasNext()) {
                    results.next();
                }
                c.release();
            }
        } finally {
            Beacon.api("DELETE", "/worklist/" + id, null);
        }
    }
}
