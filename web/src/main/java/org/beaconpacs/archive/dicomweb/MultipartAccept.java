package org.beaconpacs.archive.dicomweb;

/**
 * Reads an Accept header for the multipart media types of WADO-RS (PS3.18 8.7.3): which transfer syntax
 * the user agent wants its {@code application/dicom} parts in.
 */
final class MultipartAccept {

    private MultipartAccept() {
    }

    /**
     * The transfer syntax of the first acceptable range for DICOM instances: its {@code transfer-syntax}
     * parameter, {@code fallback} when it has none or the header accepts anything; null when the header
     * names only other media types.
     */
    static String dicomTransferSyntax(String accept, String fallback) {
        if (accept == null || accept.isBlank()) {
            return fallback;
        }
        for (String range : accept.split(",")) {
            String[] params = range.split(";");
            String type = params[0].strip().toLowerCase(java.util.Locale.ROOT);
            String partType = null;
            String ts = null;
            for (int i = 1; i < params.length; i++) {
                String[] kv = params[i].split("=", 2);
                if (kv.length != 2) {
                    continue;
                }
                String key = kv[0].strip().toLowerCase(java.util.Locale.ROOT);
                String value = kv[1].strip().replace("\"", "");
                if (key.equals("type")) {
                    partType = value.toLowerCase(java.util.Locale.ROOT);
                } else if (key.equals("transfer-syntax")) {
                    ts = value;
                }
            }
            if (type.equals("*/*") || type.equals("multipart/*")
                    || type.equals("multipart/related") && (partType == null || partType.equals("application/dicom"))
                    || type.equals("application/dicom")) {
                return ts == null ? fallback : ts;
            }
        }
        return null;
    }
}
