package org.beaconpacs.archive.print;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.TransferSyntax;

/**
 * A film as a print job keeps it until it is rendered (and for reprints): one Explicit VR Little Endian
 * data set with the film box's attributes, its Presentation LUT written in (shape or LUT), its image boxes
 * as the items of Referenced Image Box Sequence (each with its own LUT written in and its image's Pixel
 * Data copied from the spool as a stream) and its annotation boxes as those of Referenced Basic Annotation
 * Box Sequence. Read back with the pixels left on disk as bulk data.
 */
final class FilmSpool {

    private static final TransferSyntax TS = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;

    private FilmSpool() {
    }

    static Attributes describe(FilmBox box, Map<String, Attributes> luts) {
        Attributes film = new Attributes(box.attributes);
        film.remove(Tag.ReferencedPresentationLUTSequence);
        inlineLut(box.attributes, film, luts);
        Sequence images = film.newSequence(Tag.ReferencedImageBoxSequence);
        for (ImageBox i : box.imageBoxes) {
            Attributes item = images.addItem();
            if (i.attributes != null) {
                item.addAll(i.attributes);
                item.remove(Tag.ReferencedPresentationLUTSequence);
                inlineLut(i.attributes, item, luts);
            } else {
                item.setInt(Tag.ImageBoxPosition, VR.US, i.position);
            }
        }
        if (!box.annotationBoxes.isEmpty()) {
            Sequence texts = film.newSequence(Tag.ReferencedBasicAnnotationBoxSequence);
            for (AnnotationBox t : box.annotationBoxes) {
                Attributes item = texts.addItem();
                item.setInt(Tag.AnnotationPosition, VR.US, t.position);
                if (t.text != null) {
                    item.setString(Tag.TextString, VR.LO, t.text);
                }
            }
        }
        return film;
    }

    private static void inlineLut(Attributes from, Attributes to, Map<String, Attributes> luts) {
        Attributes ref = from.getItem(Tag.ReferencedPresentationLUTSequence, 0);
        Attributes lut = ref == null ? null : luts.get(ref.getString(Tag.ReferencedSOPInstanceUID, "").strip());
        if (lut != null) {
            to.addAll(lut);
        }
    }

    /** Writes and fsyncs {@code film} to {@code file}. */
    static void write(Path file, Attributes film) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
             DicomWriter writer = new DicomWriter(out)) {
            writer.writeDataset(film, TS);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    static Attributes read(Path file) throws IOException {
        try (DicomReader reader = DicomReader.open(file)) {
            reader.setBulkDataThreshold(4096);
            return reader.readDataset(TS);
        }
    }
}
