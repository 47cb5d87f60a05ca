package org.beaconpacs.archive.console.print;

import java.io.Serializable;
import org.beaconpacs.archive.print.PrinterSettings;

/** The printer dialog's fields: a printer's settings as the administrator edits them. */
public class PrinterForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String originalAe;
    private Long id;
    private String aeTitle;
    private String name;
    private String description;
    private int resolutionDpi = 300;
    private String filmSizes = "14INX17IN\\8INX10IN\\A4";
    private String mediumTypes = "BLUE FILM\\PAPER";
    private String filmDestinations = "PROCESSOR";
    private String displayFormats = "STANDARD\\ROW\\COL\\SLIDE\\SUPERSLIDE\\CUSTOM";
    private String defaultDisplayFormat = "STANDARD\\1,1";
    private String customFormats;
    private String annotationFormats = "LABEL=1\\FOOTER=3";
    private String magnificationTypes = "BILINEAR\\REPLICATE\\CUBIC\\NONE";
    private String smoothingTypes;
    private int minDensity = 20;
    private int maxDensity = 320;
    private String borderDensity = "BLACK";
    private String emptyImageDensity = "BLACK";
    private int illumination = 2000;
    private int reflectedAmbientLight = 10;
    private boolean outputFiles = true;
    private String cupsQueue;
    private boolean toArchive;
    private String status = "NORMAL";
    private String statusInfo = "NORMAL";
    private int version;

    static PrinterForm blank(String aeTitle) {
        PrinterForm f = new PrinterForm();
        f.aeTitle = aeTitle;
        return f;
    }

    static PrinterForm of(PrinterSettings p) {
        PrinterForm f = new PrinterForm();
        f.originalAe = p.aeTitle();
        f.id = p.id();
        f.aeTitle = p.aeTitle();
        f.name = p.name();
        f.description = p.description();
        f.resolutionDpi = p.resolutionDpi();
        f.filmSizes = p.filmSizes();
        f.mediumTypes = p.mediumTypes();
        f.filmDestinations = p.filmDestinations();
        f.displayFormats = p.displayFormats();
        f.defaultDisplayFormat = p.defaultDisplayFormat();
        f.customFormats = p.customFormats();
        f.annotationFormats = p.annotationFormats();
        f.magnificationTypes = p.magnificationTypes();
        f.smoothingTypes = p.smoothingTypes();
        f.minDensity = p.minDensity();
        f.maxDensity = p.maxDensity();
        f.borderDensity = p.borderDensity();
        f.emptyImageDensity = p.emptyImageDensity();
        f.illumination = p.illumination();
        f.reflectedAmbientLight = p.reflectedAmbientLight();
        f.outputFiles = p.outputFiles();
        f.cupsQueue = p.cupsQueue();
        f.toArchive = p.toArchive();
        f.status = p.status();
        f.statusInfo = p.statusInfo();
        f.version = p.version();
        return f;
    }

    PrinterSettings toSettings() {
        return new PrinterSettings(id, aeTitle, name, description, resolutionDpi, filmSizes, mediumTypes,
                filmDestinations, displayFormats, defaultDisplayFormat, customFormats, annotationFormats,
                magnificationTypes, smoothingTypes, minDensity, maxDensity, borderDensity, emptyImageDensity,
                illumination, reflectedAmbientLight, outputFiles, cupsQueue, toArchive, status, statusInfo, version);
    }

    public boolean isNew() {
        return originalAe == null;
    }

    public String getOriginalAe() { return originalAe; }
    public String getAeTitle() { return aeTitle; }
    public void setAeTitle(String aeTitle) { this.aeTitle = aeTitle; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public int getResolutionDpi() { return resolutionDpi; }
    public void setResolutionDpi(int resolutionDpi) { this.resolutionDpi = resolutionDpi; }
    public String getFilmSizes() { return filmSizes; }
    public void setFilmSizes(String filmSizes) { this.filmSizes = filmSizes; }
    public String getMediumTypes() { return mediumTypes; }
    public void setMediumTypes(String mediumTypes) { this.mediumTypes = mediumTypes; }
    public String getFilmDestinations() { return filmDestinations; }
    public void setFilmDestinations(String filmDestinations) { this.filmDestinations = filmDestinations; }
    public String getDisplayFormats() { return displayFormats; }
    public void setDisplayFormats(String displayFormats) { this.displayFormats = displayFormats; }
    public String getDefaultDisplayFormat() { return defaultDisplayFormat; }
    public void setDefaultDisplayFormat(String v) { this.defaultDisplayFormat = v; }
    public String getCustomFormats() { return customFormats; }
    public void setCustomFormats(String customFormats) { this.customFormats = customFormats; }
    public String getAnnotationFormats() { return annotationFormats; }
    public void setAnnotationFormats(String annotationFormats) { this.annotationFormats = annotationFormats; }
    public String getMagnificationTypes() { return magnificationTypes; }
    public void setMagnificationTypes(String magnificationTypes) { this.magnificationTypes = magnificationTypes; }
    public String getSmoothingTypes() { return smoothingTypes; }
    public void setSmoothingTypes(String smoothingTypes) { this.smoothingTypes = smoothingTypes; }
    public int getMinDensity() { return minDensity; }
    public void setMinDensity(int minDensity) { this.minDensity = minDensity; }
    public int getMaxDensity() { return maxDensity; }
    public void setMaxDensity(int maxDensity) { this.maxDensity = maxDensity; }
    public String getBorderDensity() { return borderDensity; }
    public void setBorderDensity(String borderDensity) { this.borderDensity = borderDensity; }
    public String getEmptyImageDensity() { return emptyImageDensity; }
    public void setEmptyImageDensity(String emptyImageDensity) { this.emptyImageDensity = emptyImageDensity; }
    public int getIllumination() { return illumination; }
    public void setIllumination(int illumination) { this.illumination = illumination; }
    public int getReflectedAmbientLight() { return reflectedAmbientLight; }
    public void setReflectedAmbientLight(int v) { this.reflectedAmbientLight = v; }
    public boolean isOutputFiles() { return outputFiles; }
    public void setOutputFiles(boolean outputFiles) { this.outputFiles = outputFiles; }
    public String getCupsQueue() { return cupsQueue; }
    public void setCupsQueue(String cupsQueue) { this.cupsQueue = cupsQueue; }
    public boolean isToArchive() { return toArchive; }
    public void setToArchive(boolean toArchive) { this.toArchive = toArchive; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getStatusInfo() { return statusInfo; }
    public void setStatusInfo(String statusInfo) { this.statusInfo = statusInfo; }
}
