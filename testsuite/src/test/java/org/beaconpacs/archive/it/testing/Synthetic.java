package org.beaconpacs.archive.it.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Fragments;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.FileMetaInformation;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.uid.UIDs;

/** Small synthetic CT objects that tests generate (never committed). */
public final class Synthetic {

    private Synthetic() {
    }

    /** A CT image data set of the given study and series with {@code pixelBytes} of pixel data. */
    public static Attributes ct(String patientId, String patientName, String study, String series, int number,
                                int pixelBytes) {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, UIDs.createUID());
        ds.setString(Tag.StudyDate, VR.DA, "20261122");
        ds.setString(Tag.StudyTime, VR.TM, "101500");
        ds.setString(Tag.AccessionNumber, VR.SH, "ACC" + patientId);
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.StudyDescription, VR.LO, "SYNTHETIC");
        ds.setString(Tag.PatientName, VR.PN, patientName);
        ds.setString(Tag.PatientID, VR.LO, patientId);
        ds.setString(Tag.PatientBirthDate, VR.DA, "19700101");
        ds.setString(Tag.PatientSex, VR.CS, "O");
        ds.setString(Tag.StudyInstanceUID, VR.UI, study);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, series);
        ds.setString(Tag.StudyID, VR.SH, "1");
        ds.setString(Tag.SeriesNumber, VR.IS, "1");
        ds.setString(Tag.InstanceNumber, VR.IS, String.valueOf(number));
        ds.setInt(Tag.Rows, VR.US, 1);
        ds.setInt(Tag.Columns, VR.US, pixelBytes / 2);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        byte[] pixels = new byte[pixelBytes];
        new java.util.Random(number).nextBytes(pixels);
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        return ds;
    }

    /** Writes {@code ds} as a Part 10 file (Explicit VR Little Endian). */
    public static Path write(Attributes ds, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); DicomWriter w = new DicomWriter(out)) {
            w.writeFile(FileMetaInformation.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), "SYNTH"), ds);
        }
        return file;
    }

    /**
     * A CT image whose pixel data is one compressed frame (an empty offset table and {@code frame} as its
     * fragment) written as a Part 10 file in {@code transferSyntax}: the archive keeps it as received.
     */
    public static Path writeCompressed(String patientId, String study, String series, String transferSyntax,
                                       byte[] frame, Path file) throws IOException {
        Attributes ds = ct(patientId, "Compressed^" + patientId, study, series, 1, 2);
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192"); // as dcmjs-dimse sends every data set
        ds.remove(Tag.PixelData);
        Fragments fragments = ds.newFragments(Tag.PixelData, VR.OB);
        fragments.add(new byte[0]);
        fragments.add(frame);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); DicomWriter w = new DicomWriter(out)) {
            w.writeFile(FileMetaInformation.of(ds, transferSyntax, "SYNTH"), ds);
        }
        return file;
    }

    /** {@code ds} encoded as a bare data set in Explicit VR Little Endian. */
    public static byte[] encode(Attributes ds) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(out)) {
            w.writeDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        return out.toByteArray();
    }
}
