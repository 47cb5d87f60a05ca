package org.beaconpacs.archive.print;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.beaconpacs.dicom.data.Attributes;

/**
 * The print state of one association (PS3.4 H.2: it ends with the association): its film session, its
 * Presentation LUTs, and a spool directory for the images set into its image boxes.
 */
final class PrintAssociation {

    final long serial;
    final String callingAe;
    final PrinterSettings printer;
    final Path spool;
    FilmSession session;
    final Map<String, Attributes> presentationLuts = new LinkedHashMap<>();
    /** The print jobs this association made, whose changes it is told of while it lasts. */
    final java.util.Set<String> jobs = java.util.concurrent.ConcurrentHashMap.newKeySet();

    PrintAssociation(long serial, String callingAe, PrinterSettings printer, Path spool) {
        this.serial = serial;
        this.callingAe = callingAe;
        this.printer = printer;
        this.spool = spool;
    }

    /** The film box {@code uid} of the session, or null. */
    FilmBox filmBox(String uid) {
        return session == null || uid == null ? null : session.filmBoxes.get(uid);
    }

    /** The image box {@code uid} of any film box of the session, or null. */
    ImageBox imageBox(String uid) {
        if (session != null) {
            for (FilmBox f : session.filmBoxes.values()) {
                for (ImageBox i : f.imageBoxes) {
                    if (i.uid.equals(uid)) {
                        return i;
                    }
                }
            }
        }
        return null;
    }

    /** The annotation box {@code uid} of any film box of the session, or null. */
    AnnotationBox annotationBox(String uid) {
        if (session != null) {
            for (FilmBox f : session.filmBoxes.values()) {
                for (AnnotationBox a : f.annotationBoxes) {
                    if (a.uid.equals(uid)) {
                        return a;
                    }
                }
            }
        }
        return null;
    }

    /** Deletes the spool directory and everything in it. */
    void discardAll() throws IOException {
        PrintSpooler.deleteTree(spool);
    }
}
