package org.beaconpacs.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.scu.Response;
import org.beaconpacs.dicom.uid.UIDs;

/**
 * Print sessions as a modality prints them: {@code associations} associations at once, each a film session
 * of {@code films} film boxes of 14 × 17 in, STANDARD\2,2, four 512 × 512 12-bit images each, every film box
 * printed by its N-ACTION. Prints each association's time from A-ASSOCIATE to the last N-ACTION-RSP, their
 * median and the wall time, and the print job UIDs (one per line, "JOB uid") for the caller to follow.
 *
 * <p>Usage: {@code PrintBench <host> <port> <calledAe> <associations> <films>}
 */
public final class PrintBench {

    private PrintBench() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String called = args[2];
        int associations = Integer.parseInt(args[3]);
        int films = Integer.parseInt(args[4]);
        byte[] pixels = ramp();
        ExecutorService pool = Executors.newFixedThreadPool(associations);
        long start = System.nanoTime();
        List<Future<long[]>> runs = new ArrayList<>();
        for (int a = 0; a < associations; a++) {
            String calling = "PRINTBENCH" + a;
            runs.add(pool.submit(() -> session(host, port, called, calling, films, pixels)));
        }
        long[] millis = new long[associations];
        for (int a = 0; a < associations; a++) {
            millis[a] = runs.get(a).get()[0];
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        pool.shutdown();
        Arrays.sort(millis);
        System.out.printf("sessions %d x %d films: median %d ms, max %d ms, wall %d ms%n", associations, films,
                millis[associations / 2], millis[associations - 1], wall);
    }

    private static long[] session(String host, int port, String called, String calling, int films, byte[] pixels)
            throws Exception {
        long t0 = System.nanoTime();
        AAssociateRQ rq = DicomClient.request(calling, called);
        rq.addPresentationContext(PresentationContext.rq(1, UID.BasicGrayscalePrintManagementMeta,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()));
        try (DicomClient c = DicomClient.connect(host, port, rq, Timeouts.DEFAULT)) {
            String meta = UID.BasicGrayscalePrintManagementMeta;
            Attributes session = new Attributes();
            session.setString(Tag.NumberOfCopies, VR.IS, "1");
            session.setString(Tag.FilmSessionLabel, VR.LO, calling);
            String sessionUid = UIDs.createUID();
            check(c.invoke(meta, Command.nCreateRQ(c.association().nextMessageId(), UID.BasicFilmSession, sessionUid,
                    true), session), "film session");
            for (int f = 0; f < films; f++) {
                Attributes box = new Attributes();
                box.setString(Tag.ImageDisplayFormat, VR.ST, "STANDARD\\2,2");
                box.setString(Tag.FilmSizeID, VR.CS, "14INX17IN");
                box.setString(Tag.FilmOrientation, VR.CS, "PORTRAIT");
                Attributes ref = box.newSequence(Tag.ReferencedFilmSessionSequence).addItem();
                ref.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.BasicFilmSession);
                ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, sessionUid);
                Response created = c.invoke(meta, Command.nCreateRQ(c.association().nextMessageId(),
                        UID.BasicFilmBox, null, true), box);
                check(created, "film box");
                String boxUid = created.command().affectedSopInstanceUid();
                var refs = created.dataset().getSequence(Tag.ReferencedImageBoxSequence);
                int position = 0;
                for (Attributes r : refs) {
                    Attributes set = new Attributes();
                    set.setInt(Tag.ImageBoxPosition, VR.US, ++position);
                    Attributes image = set.newSequence(Tag.BasicGrayscaleImageSequence).addItem();
                    image.setInt(Tag.SamplesPerPixel, VR.US, 1);
                    image.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
                    image.setInt(Tag.Rows, VR.US, 512);
                    image.setInt(Tag.Columns, VR.US, 512);
                    image.setString(Tag.PixelAspectRatio, VR.IS, "1", "1");
                    image.setInt(Tag.BitsAllocated, VR.US, 16);
                    image.setInt(Tag.BitsStored, VR.US, 12);
                    image.setInt(Tag.HighBit, VR.US, 11);
                    image.setInt(Tag.PixelRepresentation, VR.US, 0);
                    image.setBytes(Tag.PixelData, VR.OW, pixels);
                    check(c.invoke(meta, Command.nSetRQ(c.association().nextMessageId(), r.getString(
                            Tag.ReferencedSOPClassUID), r.getString(Tag.ReferencedSOPInstanceUID)), set), "image box");
                }
                Response printed = c.invoke(meta, Command.nActionRQ(c.association().nextMessageId(), UID.BasicFilmBox,
                        boxUid, 1, false), null);
                check(printed, "print");
                Attributes job = printed.dataset() == null ? null
                        : printed.dataset().getItem(Tag.ReferencedPrintJobSequencePullStoredPrint, 0);
                if (job != null) {
                    System.out.println("JOB " + job.getString(Tag.ReferencedSOPInstanceUID));
                }
            }
            c.release();
        }
        return new long[] {(System.nanoTime() - t0) / 1_000_000};
    }

    private static void check(Response r, String what) {
        if (r.status() != 0 && (r.status() & 0xF000) != 0xB000) {
            throw new IllegalStateException(what + ": status " + Integer.toHexString(r.status()) + " "
                    + r.command().errorComment());
        }
    }

    /** A 512 x 512 12-bit ramp, little endian. */
    private static byte[] ramp() {
        byte[] px = new byte[512 * 512 * 2];
        for (int i = 0; i < 512 * 512; i++) {
            int v = (i % 512) * 8 + (i / 512) % 8;
            px[2 * i] = (byte) v;
            px[2 * i + 1] = (byte) (v >> 8);
        }
        return px;
    }
}
