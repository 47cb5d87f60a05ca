package org.beaconpacs.archive.print;

import java.util.LinkedHashMap;
import java.util.Map;
import org.beaconpacs.dicom.data.Attributes;

/** The film session of an association (PS3.4 H.4.1): its attributes and its film boxes in order. */
final class FilmSession {

    final String uid;
    final Attributes attributes;
    final Map<String, FilmBox> filmBoxes = new LinkedHashMap<>();

    FilmSession(String uid, Attributes attributes) {
        this.uid = uid;
        this.attributes = attributes;
    }
}
