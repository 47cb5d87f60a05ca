package org.beaconpacs.archive.dicomweb;

import java.util.Map;

/** The media type of each compressed transfer syntax's frames (PS3.18 Table 8.7.3-2 and -5). */
final class PixelMediaTypes {

    static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2.4.50", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.51", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.57", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.70", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.80", "image/jls"),
            Map.entry("1.2.840.10008.1.2.4.81", "image/jls"),
            Map.entry("1.2.840.10008.1.2.4.90", "image/jp2"),
            Map.entry("1.2.840.10008.1.2.4.91", "image/jp2"),
            Map.entry("1.2.840.10008.1.2.4.92", "image/jpx"),
            Map.entry("1.2.840.10008.1.2.4.93", "image/jpx"),
            Map.entry("1.2.840.10008.1.2.4.201", "image/jphc"),
            Map.entry("1.2.840.10008.1.2.4.202", "image/jphc"),
            Map.entry("1.2.840.10008.1.2.4.203", "image/jphc"),
            Map.entry("1.2.840.10008.1.2.5", "image/dicom-rle"),
            Map.entry("1.2.840.10008.1.2.4.100", "video/mpeg"),
            Map.entry("1.2.840.10008.1.2.4.101", "video/mpeg"),
            Map.entry("1.2.840.10008.1.2.4.102", "video/mp4"),
            Map.entry("1.2.840.10008.1.2.4.103", "video/mp4"),
            Map.entry("1.2.840.10008.1.2.4.104", "video/mp4"),
            Map.entry("1.2.840.10008.1.2.4.105", "video/mp4"),
            Map.entry("1.2.840.10008.1.2.4.106", "video/mp4"),
            Map.entry("1.2.840.10008.1.2.4.107", "video/H265"),
            Map.entry("1.2.840.10008.1.2.4.108", "video/H265"));

    private PixelMediaTypes() {
    }

    /** The media type of frames in compressed {@code transferSyntax}; octet-stream for others. */
    static String of(String transferSyntax) {
        return TYPES.getOrDefault(transferSyntax, OCTET_STREAM);
    }
}
