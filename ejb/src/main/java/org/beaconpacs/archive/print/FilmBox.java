package org.beaconpacs.archive.print;

import java.util.List;
import org.beaconpacs.archive.print.film.FilmGeometry;
import org.beaconpacs.dicom.data.Attributes;

/**
 * A film box (PS3.4 H.4.2): its attributes with the printer's defaults filled in, its image boxes (one per
 * position of its display format) and annotation boxes, the Presentation LUT it references, and where its
 * boxes fall on the film at the printer's resolution.
 */
final class FilmBox {

    final String uid;
    final Attributes attributes;
    final List<ImageBox> imageBoxes;
    final List<AnnotationBox> annotationBoxes;
    final FilmGeometry geometry;

    FilmBox(String uid, Attributes attributes, List<ImageBox> imageBoxes, List<AnnotationBox> annotationBoxes,
            FilmGeometry geometry) {
        this.uid = uid;
        this.attributes = attributes;
        this.imageBoxes = imageBoxes;
        this.annotationBoxes = annotationBoxes;
        this.geometry = geometry;
    }

    boolean isEmpty() {
        return imageBoxes.stream().noneMatch(ImageBox::hasImage);
    }
}
