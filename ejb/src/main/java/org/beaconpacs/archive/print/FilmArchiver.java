package org.beaconpacs.archive.print;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.beaconpacs.archive.storage.StorageService;
import org.beaconpacs.archive.storage.StoreContext;
import org.beaconpacs.archive.storage.StoreOutcome;
import org.beaconpacs.archive.storage.StoreRequest;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.uid.UIDs;

/**
 * "Print to archive": each film of a job stored as a Secondary Capture Image (8-bit P-values, MONOCHROME2,
 * or RGB) through the archive's one store path. The patient and study are the film session's Proposed
 * Study Sequence when the SCU sent one; otherwise a study per printing AE and day that an administrator
 * finds by Patient ID (the AE title) or by its description "Films printed by AE on date", one series per
 * print job (described by the film session's label).
 */
@ApplicationScoped
public class FilmArchiver {

    private static final TransferSyntax TS = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;

    @Inject
    private StorageService storage;

    /** Stores film {@code n} of {@code job}; the outcome's words for the job's detail, null when stored. */
    String store(PrintJobSummary job, Attributes session, int n, BufferedImage film, String printerAe)
            throws IOException {
        Attributes ds = header(job, session, n, film);
        ByteArrayOutputStream head = new ByteArrayOutputStream(4096);
        boolean rgb = film.getType() != BufferedImage.TYPE_BYTE_GRAY;
        long length = (long) film.getWidth() * film.getHeight() * (rgb ? 3 : 1);
        try (DicomWriter w = new DicomWriter(head)) {
            w.writeDataset(ds, TS);
            w.writeHeader(Tag.PixelData, VR.OB, length + (length & 1));
        }
        InputStream pixels = rgb ? new RgbStream(film) : new ByteArrayInputStream(
                ((DataBufferByte) film.getRaster().getDataBuffer()).getData());
        InputStream data = new SequenceInputStream(new ByteArrayInputStream(head.toByteArray()),
                (length & 1) == 0 ? pixels : new SequenceInputStream(pixels, new ByteArrayInputStream(new byte[1])));
        StoreOutcome outcome = storage.store(new StoreRequest(new StoreContext(StoreContext.Source.PRINT,
                job.callingAe(), printerAe, null), UID.SecondaryCaptureImageStorage,
                ds.getString(Tag.SOPInstanceUID), TS.uid(), data));
        return switch (outcome.result()) {
            case STORED, ALREADY_STORED -> null;
            default -> outcome.result() + (outcome.detail() == null ? "" : ": " + outcome.detail());
        };
    }

    static Attributes header(PrintJobSummary job, Attributes session, int n, BufferedImage film) {
        Attributes ds = new Attributes();
        Attributes proposed = session == null ? null : session.getItem(Tag.ProposedStudySequence, 0);
        LocalDateTime created = LocalDateTime.ofInstant(job.created(), ZoneId.systemDefault());
        LocalDate day = created.toLocalDate();
        String ae = job.callingAe() == null ? "UNKNOWN" : job.callingAe().strip();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage);
        // the same film of the same job is the same instance: a reprint replaces nothing, it is a duplicate
        ds.setString(Tag.SOPInstanceUID, VR.UI, UIDs.createNameBasedUID((job.jobUid() + "/film/" + n)
                .getBytes(StandardCharsets.US_ASCII)));
        ds.setString(Tag.StudyInstanceUID, VR.UI, proposed != null && proposed.containsValue(Tag.StudyInstanceUID)
                ? proposed.getString(Tag.StudyInstanceUID).strip()
                : UIDs.createNameBasedUID(("print/" + ae + "/" + day).getBytes(StandardCharsets.UTF_8)));
        ds.setString(Tag.SeriesInstanceUID, VR.UI, UIDs.createNameBasedUID(("print/series/" + job.jobUid())
                .getBytes(StandardCharsets.US_ASCII)));
        ds.setString(Tag.PatientID, VR.LO, proposed != null && proposed.containsValue(Tag.PatientID)
                ? proposed.getString(Tag.PatientID) : ae);
        ds.setString(Tag.PatientName, VR.PN, proposed != null && proposed.containsValue(Tag.PatientName)
                ? proposed.getString(Tag.PatientName) : "Printed films^" + ae);
        if (proposed != null) {
            for (int tag : new int[] {Tag.PatientBirthDate, Tag.PatientSex, Tag.AccessionNumber, Tag.StudyID}) {
                if (proposed.containsValue(tag)) {
                    ds.setString(tag, proposed.getVR(tag), proposed.getString(tag));
                }
            }
        }
        ds.setDate(Tag.StudyDate, day);
        ds.setTime(Tag.StudyTime, created.toLocalTime().withNano(0));
        ds.setString(Tag.StudyDescription, VR.LO, proposed != null && proposed.containsValue(Tag.StudyDescription)
                ? proposed.getString(Tag.StudyDescription) : "Films printed by " + ae + " on " + day);
        ds.setString(Tag.Modality, VR.CS, "OT");
        ds.setString(Tag.ConversionType, VR.CS, "WSD");
        ds.setString(Tag.SeriesNumber, VR.IS, "1");
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(n));
        if (job.sessionLabel() != null) {
            ds.setString(Tag.SeriesDescription, VR.LO, job.sessionLabel());
        }
        ds.setString(Tag.BurnedInAnnotation, VR.CS, "YES");
        boolean rgb = film.getType() != BufferedImage.TYPE_BYTE_GRAY;
        ds.setInt(Tag.SamplesPerPixel, VR.US, rgb ? 3 : 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, rgb ? "RGB" : "MONOCHROME2");
        if (rgb) {
            ds.setInt(Tag.PlanarConfiguration, VR.US, 0);
        }
        ds.setInt(Tag.Rows, VR.US, film.getHeight());
        ds.setInt(Tag.Columns, VR.US, film.getWidth());
        ds.setInt(Tag.BitsAllocated, VR.US, 8);
        ds.setInt(Tag.BitsStored, VR.US, 8);
        ds.setInt(Tag.HighBit, VR.US, 7);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        ds.setString(Tag.PresentationLUTShape, VR.CS, "IDENTITY"); // the film's pixels are P-values
        return ds;
    }

    /** An RGB film's pixels as R, G, B bytes, a row at a time. */
    private static final class RgbStream extends InputStream {
        private final BufferedImage image;
        private final byte[] row;
        private int y;
        private int pos;
        private int lim;

        RgbStream(BufferedImage image) {
            this.image = image;
            this.row = new byte[image.getWidth() * 3];
        }

        private boolean fill() {
            if (pos < lim) {
                return true;
            }
            if (y >= image.getHeight()) {
                return false;
            }
            int w = image.getWidth();
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                row[3 * x] = (byte) (rgb >> 16);
                row[3 * x + 1] = (byte) (rgb >> 8);
                row[3 * x + 2] = (byte) rgb;
            }
            y++;
            pos = 0;
            lim = row.length;
            return true;
        }

        @Override
        public int read() {
            return fill() ? row[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, lim - pos);
            System.arraycopy(row, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
