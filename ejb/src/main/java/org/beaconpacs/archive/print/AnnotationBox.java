package org.beaconpacs.archive.print;

/** An annotation box of a film box (PS3.4 H.4.4): its position and text. */
final class AnnotationBox {

    final String uid;
    final int position;
    String text;

    AnnotationBox(String uid, int position) {
        this.uid = uid;
        this.position = position;
    }
}
