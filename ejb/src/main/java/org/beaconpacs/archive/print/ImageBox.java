package org.beaconpacs.archive.print;

import org.beaconpacs.dicom.data.Attributes;

/**
 * An image box of a film box (PS3.4 H.4.3): its position, and once set, its attributes with the image,
 * whose Pixel Data waits in the association's spool directory as bulk data.
 */
final class ImageBox {

    final String uid;
    final int position;
    final boolean color;
    Attributes attributes;

    ImageBox(String uid, int position, boolean color) {
        this.uid = uid;
        this.position = position;
        this.color = color;
    }

    boolean hasImage() {
        return attributes != null;
    }
}
