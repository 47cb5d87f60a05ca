package org.beaconpacs.archive.entity.print;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A printer (PS3.4 H.4.6): the local AE title that answers print requests for it, what it offers (film
 * sizes, media, display formats, magnifications, densities), the viewing conditions its grayscale films
 * are rendered for, where its films go (files, a CUPS queue, the archive), and its status as reported to
 * print SCUs. Multi-valued settings are backslash-separated, the first value the default.
 */
@Entity
@Table(name = "printer")
@NamedQuery(name = Printer.ALL, query = "select p from Printer p order by p.aeTitle")
@NamedQuery(name = Printer.BY_AE, query = "select p from Printer p where p.aeTitle = :aeTitle")
public class Printer {

    public static final String ALL = "Printer.all";
    public static final String BY_AE = "Printer.byAe";

    /** Printer Status (2110,0010). */
    public enum Status { NORMAL, WARNING, FAILURE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ae_title")
    private String aeTitle;
    private String name;
    private String description;
    @Column(name = "resolution_dpi")
    private int resolutionDpi = 300;
    @Column(name = "film_sizes")
    private String filmSizes = "14INX17IN\\8INX10IN\\10INX12IN\\10INX14IN\\11INX14IN\\11INX17IN\\14INX14IN"
            + "\\24CMX24CM\\24CMX30CM\\A4\\A3";
    @Column(name = "medium_types")
    private String mediumTypes = "BLUE FILM\\CLEAR FILM\\PAPER";
    @Column(name = "film_destinations")
    private String filmDestinations = "PROCESSOR\\MAGAZINE";
    @Column(name = "display_formats")
    private String displayFormats = "STANDARD\\ROW\\COL\\SLIDE\\SUPERSLIDE\\CUSTOM";
    @Column(name = "default_display_format")
    private String defaultDisplayFormat = "STANDARD\\1,1";
    @Column(name = "custom_formats")
    private String customFormats = "1=ROW/1,2\\2=COL/2,1";
    @Column(name = "annotation_formats")
    private String annotationFormats = "LABEL=1\\FOOTER=3";
    @Column(name = "magnification_types")
    private String magnificationTypes = "BILINEAR\\REPLICATE\\CUBIC\\NONE";
    @Column(name = "smoothing_types")
    private String smoothingTypes = "MEDIUM\\SHARP\\SMOOTH";
    @Column(name = "min_density")
    private int minDensity = 20;
    @Column(name = "max_density")
    private int maxDensity = 320;
    @Column(name = "border_density")
    private String borderDensity = "BLACK";
    @Column(name = "empty_image_density")
    private String emptyImageDensity = "BLACK";
    private int illumination = 2000;
    @Column(name = "reflected_ambient_light")
    private int reflectedAmbientLight = 10;
    @Column(name = "output_files")
    private boolean outputFiles = true;
    @Column(name = "cups_queue")
    private String cupsQueue;
    @Column(name = "to_archive")
    private boolean toArchive;
    @Enumerated(EnumType.STRING)
    private Status status = Status.NORMAL;
    @Column(name = "status_info")
    private String statusInfo = "NORMAL";
    private Instant created;
    private Instant updated;
    @Version
    private int version;

    protected Printer() {
    }

    public Printer(String aeTitle, String name) {
        this.aeTitle = aeTitle;
        this.name = name;
    }

    @PrePersist
    void onCreate() {
        created = updated = Instant.now();
    }

    @PreUpdate
    void onUpdate() {
        updated = Instant.now();
    }

    public Long getId() { return id; }
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
    public void setDefaultDisplayFormat(String defaultDisplayFormat) { this.defaultDisplayFormat = defaultDisplayFormat; }
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
    public void setReflectedAmbientLight(int reflectedAmbientLight) { this.reflectedAmbientLight = reflectedAmbientLight; }
    public boolean isOutputFiles() { return outputFiles; }
    public void setOutputFiles(boolean outputFiles) { this.outputFiles = outputFiles; }
    public String getCupsQueue() { return cupsQueue; }
    public void setCupsQueue(String cupsQueue) { this.cupsQueue = cupsQueue; }
    public boolean isToArchive() { return toArchive; }
    public void setToArchive(boolean toArchive) { this.toArchive = toArchive; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public String getStatusInfo() { return statusInfo; }
    public void setStatusInfo(String statusInfo) { this.statusInfo = statusInfo; }
    public Instant getCreated() { return created; }
    public Instant getUpdated() { return updated; }
    public int getVersion() { return version; }
}
