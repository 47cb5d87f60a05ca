package org.beaconpacs.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.FileMetaInformation;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.uid.UIDs;

/**
 * Writes synthetic 512x512 16-bit CT images as a scanner would: Part 10, Explicit VR Little Endian, the
 * usual patient/study/series/image attributes with a few sequences, and noisy pixel data. Benchmarks
 * generate their inputs with it; no data set is ever committed.
 *
 * <p>Usage: {@code SyntheticCt <directory> <count>}
 */
public final class SyntheticCt {

    private SyntheticCt() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Files.createDirectories(dir);
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        SplittableRandom random = new SplittableRandom(42);
        byte[] pixels = new byte[512 * 512 * 2];
        for (int i = 0; i < pixels.length; i += 2) {
            int v = 1000 + random.nextInt(400);
            pixels[i] = (byte) v;
            pixels[i + 1] = (byte) (v >> 8);
        }
        for (int n = 1; n <= count; n++) {
            Attributes ds = image(study, series, n, pixels);
            Path file = dir.resolve(String.format("CT%05d.dcm", n));
            try (OutputStream out = Files.newOutputStream(file); DicomWriter w = new DicomWriter(out)) {
                w.writeFile(FileMetaInformation.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), "CT01"), ds);
            }
        }
    }

    static Attributes image(String study, String series, int number, byte[] pixels) {
        Attributes ds = new Attributes(96);
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, UIDs.createUID());
        ds.setString(Tag.StudyDate, VR.DA, "20261122");
        ds.setString(Tag.SeriesDate, VR.DA, "20261122");
        ds.setString(Tag.AcquisitionDate, VR.DA, "20261122");
        ds.setString(Tag.ContentDate, VR.DA, "20261122");
        ds.setString(Tag.StudyTime, VR.TM, "101500");
        ds.setString(Tag.SeriesTime, VR.TM, "101712");
        ds.setString(Tag.AcquisitionTime, VR.TM, "101733.250000");
        ds.setString(Tag.ContentTime, VR.TM, "101733.250000");
        ds.setString(Tag.AccessionNumber, VR.SH, "A2026112200042");
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.Manufacturer, VR.LO, "Beacon Synthetic");
        ds.setString(Tag.InstitutionName, VR.LO, "General Hospital");
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "Smith^Anna^^Dr.");
        ds.setString(Tag.StationName, VR.SH, "CT01");
        ds.setString(Tag.StudyDescription, VR.LO, "CT CHEST WITH CONTRAST");
        ds.setString(Tag.SeriesDescription, VR.LO, "AXIAL 1.25 STD");
        ds.setString(Tag.ManufacturerModelName, VR.LO, "Model 64");
        Sequence procedure = ds.newSequence(Tag.ProcedureCodeSequence);
        Attributes code = procedure.addItem();
        code.setString(Tag.CodeValue, VR.SH, "CTCHESTC");
        code.setString(Tag.CodingSchemeDesignator, VR.SH, "99LOCAL");
        code.setString(Tag.CodeMeaning, VR.LO, "CT chest with contrast");
        ds.setString(Tag.PatientName, VR.PN, "Doe^Jane");
        ds.setString(Tag.PatientID, VR.LO, "PID0042");
        ds.setString(Tag.IssuerOfPatientID, VR.LO, "GH");
        ds.setString(Tag.PatientBirthDate, VR.DA, "19700101");
        ds.setString(Tag.PatientSex, VR.CS, "F");
        ds.setString(Tag.PatientAge, VR.AS, "056Y");
        ds.setString(Tag.SliceThickness, VR.DS, "1.25");
        ds.setString(Tag.KVP, VR.DS, "120");
        ds.setString(Tag.DataCollectionDiameter, VR.DS, "500");
        ds.setString(Tag.SoftwareVersions, VR.LO, "1.0");
        ds.setString(Tag.ReconstructionDiameter, VR.DS, "360");
        ds.setString(Tag.GantryDetectorTilt, VR.DS, "0");
        ds.setString(Tag.TableHeight, VR.DS, "160");
        ds.setString(Tag.RotationDirection, VR.CS, "CW");
        ds.setString(Tag.ExposureTime, VR.IS, "500");
        ds.setString(Tag.XRayTubeCurrent, VR.IS, "250");
        ds.setString(Tag.ConvolutionKernel, VR.SH, "STANDARD");
        ds.setString(Tag.PatientPosition, VR.CS, "FFS");
        ds.setString(Tag.StudyInstanceUID, VR.UI, study);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, series);
        ds.setString(Tag.StudyID, VR.SH, "42");
        ds.setString(Tag.SeriesNumber, VR.IS, "3");
        ds.setString(Tag.AcquisitionNumber, VR.IS, "1");
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(number));
        ds.setString(Tag.ImagePositionPatient, VR.DS, "-180", "-180", Double.toString(-1.25 * number));
        ds.setString(Tag.ImageOrientationPatient, VR.DS, "1", "0", "0", "0", "1", "0");
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, study + ".1");
        ds.setString(Tag.PositionReferenceIndicator, VR.LO, "SN");
        ds.setString(Tag.SliceLocation, VR.DS, Double.toString(-1.25 * number));
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, 512);
        ds.setInt(Tag.Columns, VR.US, 512);
        ds.setString(Tag.PixelSpacing, VR.DS, "0.703125", "0.703125");
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        ds.setString(Tag.WindowCenter, VR.DS, "40");
        ds.setString(Tag.WindowWidth, VR.DS, "400");
        ds.setString(Tag.RescaleIntercept, VR.DS, "-1024");
        ds.setString(Tag.RescaleSlope, VR.DS, "1");
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        return ds;
    }
}
