package org.beaconpacs.archive.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Dates and sizes as the chosen language writes them. */
@Named("format")
@RequestScoped
public class Format {

    @Inject
    private Language language;

    /** A moment in the server's time zone, in the locale's medium style. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(language.getLocale()).withZone(ZoneId.systemDefault()).format(instant);
    }

    /** A DICOM date (YYYYMMDD) in the locale's medium style; other text as it is. */
    public String dicomDate(String da) {
        if (da == null || !da.matches("\\d{8}")) {
            return da == null ? "" : da;
        }
        try {
            return java.time.LocalDate.parse(da, DateTimeFormatter.BASIC_ISO_DATE)
                    .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.getLocale()));
        } catch (java.time.format.DateTimeParseException e) {
            return da;
        }
    }

    /** A DICOM time (HHMMSS.FFFFFF, or shorter) as HH:MM; other text as it is. */
    public String dicomTime(String tm) {
        if (tm == null || !tm.matches("\\d{4}.*")) {
            return tm == null ? "" : tm;
        }
        return tm.substring(0, 2) + ":" + tm.substring(2, 4);
    }

    /** Bytes in binary units with one decimal: 1.5 MiB. */
    public String bytes(long bytes) {
        if (bytes < 0) {
            return "—";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(language.getLocale(), "%.1f %s", v, units[u]);
    }
}
