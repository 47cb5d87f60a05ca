package org.beaconpacs.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.FileMetaInformation;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.uid.UIDs;

/**
 * The query/retrieve benchmark's data (issue "Query/Retrieve SCP"): {@code ctPatients} patients with one
 * CT study of {@code ctPerPatient} 512×512 images each (patient IDs CT001...), and {@code smallStudies}
 * studies of one or two series holding {@code smallInstances} 64×64 8-bit images in all, for
 * {@code smallStudies / 2} patients (IDs P00001...) whose names start with every letter, study dates
 * spread over 2020–2025, modalities CR, DX, US and MR. Deterministic (a fixed seed); never committed.
 *
 * <p>Usage: {@code QueryData <directory> <ctPatients> <ctPerPatient> <smallStudies> <smallInstances>}
 */
public final class QueryData {

    private static final String[] NAMES = {"Adams", "Baker", "Clark", "Davis", "Evans", "Fischer", "Garcia", "Hughes",
        "Ito", "Jones", "Kim", "Lopez", "Miller", "Nguyen", "Olsen", "Patel", "Quinn", "Rossi", "Smith", "Taylor",
        "Ueda", "Vogel", "Wang", "Xu", "Young", "Zhang"};
    private static final String[] MODALITIES = {"CR", "DX", "US", "MR"};

    private QueryData() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int ctPatients = Integer.parseInt(args[1]);
        int ctPerPatient = Integer.parseInt(args[2]);
        int smallStudies = Integer.parseInt(args[3]);
        int smallInstances = Integer.parseInt(args[4]);
        SplittableRandom random = new SplittableRandom(42);
        byte[] ctPixels = new byte[512 * 512 * 2];
        for (int i = 0; i < ctPixels.length; i += 2) {
            int v = 1000 + random.nextInt(400);
            ctPixels[i] = (byte) v;
            ctPixels[i + 1] = (byte) (v >> 8);
        }
        for (int p = 1; p <= ctPatients; p++) {
            String study = UIDs.createUID();
            String series = UIDs.createUID();
            Path out = Files.createDirectories(dir.resolve("ct").resolve(String.format("CT%03d", p)));
            for (int n = 1; n <= ctPerPatient; n++) {
                Attributes ds = SyntheticCt.image(study, series, n, ctPixels);
                ds.setString(Tag.PatientID, VR.LO, String.format("CT%03d", p));
                ds.setString(Tag.PatientName, VR.PN, "Scan^Patient" + p);
                write(ds, out.resolve(String.format("CT%05d.dcm", n)));
            }
        }
        byte[] smallPixels = new byte[64 * 64];
        random.nextBytes(smallPixels);
        Path small = Files.createDirectories(dir.resolve("small"));
        int written = 0;
        for (int s = 0; s < smallStudies; s++) {
            int patient = s / 2 + 1;
            String study = UIDs.createUID();
            int seriesCount = 1 + s % 2;
            // the instances spread evenly over the studies, the remainder to the first ones
            int instances = smallInstances / smallStudies + (s < smallInstances % smallStudies ? 1 : 0);
            String date = String.format("%04d%02d%02d", 2020 + s % 6, 1 + s % 12, 1 + s % 28);
            for (int se = 0; se < seriesCount; se++) {
                String series = UIDs.createUID();
                for (int i = 0; i < instances / seriesCount + (se < instances % seriesCount ? 1 : 0); i++) {
                    Attributes ds = smallImage(patient, study, series, date, MODALITIES[s % MODALITIES.length],
                            se + 1, i + 1, smallPixels);
                    write(ds, small.resolve(String.format("S%06d.dcm", ++written)));
                }
            }
        }
    }

    private static Attributes smallImage(int patient, String study, String series, String date, String modality,
                                         int seriesNumber, int number, byte[] pixels) {
        Attributes ds = new Attributes(48);
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, UIDs.createUID());
        ds.setString(Tag.StudyDate, VR.DA, date);
        ds.setString(Tag.StudyTime, VR.TM, String.format("%02d%02d00", 8 + patient % 10, patient % 60));
        ds.setString(Tag.AccessionNumber, VR.SH, String.format("ACC%06d", patient * 10 + seriesNumber));
        ds.setString(Tag.Modality, VR.CS, modality);
        ds.setString(Tag.ConversionType, VR.CS, "WSD");
        ds.setString(Tag.StudyDescription, VR.LO, modality + " STUDY");
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "Referrer^Rita");
        ds.setString(Tag.PatientName, VR.PN, NAMES[patient % NAMES.length] + "^Patient" + patient);
        ds.setString(Tag.PatientID, VR.LO, String.format("P%05d", patient));
        ds.setString(Tag.PatientBirthDate, VR.DA, String.format("19%02d0101", 30 + patient % 70));
        ds.setString(Tag.PatientSex, VR.CS, patient % 2 == 0 ? "F" : "M");
        ds.setString(Tag.StudyInstanceUID, VR.UI, study);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, series);
        ds.setString(Tag.StudyID, VR.SH, "1");
        ds.setString(Tag.SeriesNumber, VR.IS, Integer.toString(seriesNumber));
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(number));
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, 64);
        ds.setInt(Tag.Columns, VR.US, 64);
        ds.setInt(Tag.BitsAllocated, VR.US, 8);
        ds.setInt(Tag.BitsStored, VR.US, 8);
        ds.setInt(Tag.HighBit, VR.US, 7);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        ds.setBytes(Tag.PixelData, VR.OB, pixels);
        return ds;
    }

    private static void write(Attributes ds, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); DicomWriter w = new DicomWriter(out)) {
            w.writeFile(FileMetaInformation.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), "BENCH"), ds);
        }
    }
}
