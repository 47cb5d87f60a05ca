package org.beaconpacs.archive.dicomweb;

import jakarta.ws.rs.NotAcceptableException;
import java.util.List;

/**
 * The two models a search or metadata answer comes in (PS3.18 8.7.3.2): DICOM JSON, or the Native DICOM
 * Model as {@code multipart/related; type="application/dicom+xml"}, a part per data set; chosen by the
 * Accept header's first range that names one.
 */
enum DicomModelType {
    JSON, XML;

    static final String DICOM_XML = "application/dicom+xml";

    static DicomModelType of(String accept) {
        List<MediaRange> ranges = MediaRange.parse(accept);
        for (MediaRange r : ranges) {
            if (r.multipart() && (r.partType() == null || r.partType().equals(DICOM_XML))
                    || r.type().equals(DICOM_XML)) {
                return XML;
            }
            if (r.accepts(QidoResource.DICOM_JSON) || r.type().equals("application/json")) {
                return JSON;
            }
        }
        throw new NotAcceptableException("the answer is application/dicom+json or multipart/related;"
                + " type=\"application/dicom+xml\"");
    }
}
