package org.beaconpacs.archive.print;

import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;

/** A printer as the Printer (PS3.4 H.4.6) and Printer Configuration Retrieval (H.4.11) SOP Instances. */
final class PrinterAttributes {

    static final String MANUFACTURER = "Beacon PACS";

    private PrinterAttributes() {
    }

    static Attributes printer(PrinterSettings p) {
        Attributes a = new Attributes();
        a.setString(Tag.PrinterStatus, VR.CS, p.status());
        a.setString(Tag.PrinterStatusInfo, VR.CS, p.statusInfo());
        a.setString(Tag.PrinterName, VR.LO, p.name().length() > 64 ? p.name().substring(0, 64) : p.name());
        a.setString(Tag.Manufacturer, VR.LO, MANUFACTURER);
        a.setString(Tag.ManufacturerModelName, VR.LO, "film renderer");
        a.setString(Tag.DeviceSerialNumber, VR.LO, p.aeTitle());
        a.setString(Tag.SoftwareVersions, VR.LO, version());
        return a;
    }

    static Attributes job(PrintJobSummary job, String printerName) {
        Attributes a = new Attributes();
        a.setString(Tag.ExecutionStatus, VR.CS, job.state());
        a.setString(Tag.ExecutionStatusInfo, VR.CS, job.statusInfo() == null ? "NORMAL" : job.statusInfo());
        a.setString(Tag.PrintPriority, VR.CS, job.priority());
        java.time.LocalDateTime created = java.time.LocalDateTime.ofInstant(job.created(),
                java.time.ZoneId.systemDefault());
        a.setDate(Tag.CreationDate, created.toLocalDate());
        a.setTime(Tag.CreationTime, created.toLocalTime().withNano(0));
        a.setString(Tag.PrinterName, VR.LO, printerName.length() > 64 ? printerName.substring(0, 64) : printerName);
        if (job.callingAe() != null) {
            a.setString(Tag.Originator, VR.AE, job.callingAe());
        }
        return a;
    }

    static Attributes configuration(PrinterSettings p) {
        Attributes a = new Attributes();
        Attributes c = a.newSequence(Tag.PrinterConfigurationSequence).addItem();
        c.setString(Tag.SOPClassesSupported, VR.UI, UID.BasicGrayscalePrintManagementMeta,
                UID.BasicColorPrintManagementMeta, UID.PresentationLUT, UID.BasicAnnotationBox, UID.PrintJob,
                UID.PrinterConfigurationRetrieval);
        c.setInt(Tag.MemoryBitDepth, VR.US, 16);
        c.setInt(Tag.PrintingBitDepth, VR.US, 8);
        Sequence media = c.newSequence(Tag.MediaInstalledSequence);
        for (String medium : p.mediumTypeList()) {
            for (String size : p.filmSizeList()) {
                Attributes m = media.addItem();
                m.setString(Tag.MediumType, VR.CS, medium);
                m.setString(Tag.FilmSizeID, VR.CS, size);
                m.setInt(Tag.MinDensity, VR.US, p.minDensity());
                m.setInt(Tag.MaxDensity, VR.US, p.maxDensity());
            }
        }
        Sequence formats = c.newSequence(Tag.SupportedImageDisplayFormatsSequence);
        for (String size : p.filmSizeList()) {
            for (String orientation : new String[] {"PORTRAIT", "LANDSCAPE"}) {
                Attributes f = formats.addItem();
                f.setString(Tag.ImageDisplayFormat, VR.ST, p.defaultDisplayFormat());
                f.setString(Tag.FilmOrientation, VR.CS, orientation);
                f.setString(Tag.FilmSizeID, VR.CS, size);
                f.setString(Tag.PrinterResolutionID, VR.CS, "STANDARD");
                double spacing = 25.4 / p.resolutionDpi();
                f.setString(Tag.PrinterPixelSpacing, VR.DS, fmt(spacing), fmt(spacing));
                f.setString(Tag.RequestedImageSizeFlag, VR.CS, "YES");
            }
        }
        c.setString(Tag.DefaultMagnificationType, VR.CS, p.magnificationTypeList().get(0));
        c.setString(Tag.OtherMagnificationTypesAvailable, VR.CS,
                p.magnificationTypeList().subList(1, p.magnificationTypeList().size()).toArray(String[]::new));
        if (!p.smoothingTypeList().isEmpty()) {
            c.setString(Tag.DefaultSmoothingType, VR.CS, p.smoothingTypeList().get(0));
            c.setString(Tag.OtherSmoothingTypesAvailable, VR.CS,
                    p.smoothingTypeList().subList(1, p.smoothingTypeList().size()).toArray(String[]::new));
        }
        c.setInt(Tag.MaximumCollatedFilms, VR.UL, 100);
        c.setString(Tag.DecimateCropResult, VR.CS, "DECIMATE", "CROP", "FAIL");
        c.setString(Tag.Manufacturer, VR.LO, MANUFACTURER);
        c.setString(Tag.SoftwareVersions, VR.LO, version());
        return a;
    }

    private static String fmt(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.6f", v);
        return s.length() > 16 ? s.substring(0, 16) : s;
    }

    private static String version() {
        String v = PrinterAttributes.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
