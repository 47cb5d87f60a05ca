package org.beaconpacs.archive.study;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * "Open in viewer": the study's address in the hospital's web viewer, from the template in
 * {@code beacon.viewer.url} (BEACON_VIEWER_URL, e.g. {@code https://ohif.example.org/viewer?StudyInstanceUIDs={study}})
 * with {@code {study}}, {@code {patient}} and {@code {accession}} filled in, URL-encoded. None when it is unset.
 */
public final class ViewerLink {

    private ViewerLink() {
    }

    public static String of(StudySummary s) {
        String template = System.getProperty("beacon.viewer.url", "").strip();
        if (template.isEmpty() || s == null) {
            return null;
        }
        return template.replace("{study}", encode(s.studyUid())).replace("{patient}", encode(s.patientId()))
                .replace("{accession}", encode(s.accessionNumber()));
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
