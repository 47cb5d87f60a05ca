package org.beaconpacs.archive.print;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beaconpacs.archive.print.film.FilmGeometry;
import org.beaconpacs.archive.print.film.ImageDisplayFormat;
import org.beaconpacs.archive.print.film.ImagePlacement;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.uid.UIDs;

/**
 * Basic Print Management (PS3.4 H) without DIMSE: the film session, film boxes, image boxes, annotation
 * boxes and Presentation LUTs of an association, and printing them into print jobs. Each call names the
 * association ({@link Caller}); its state lives in {@link PrintSessions} until the association ends.
 */
@ApplicationScoped
public class PrintService {

    /** Who asks: the association's serial, the calling AE and the called AE (which names the printer). */
    public record Caller(long serial, String callingAe, String calledAe) {
    }

    @Inject
    private PrintSessions sessions;
    @Inject
    private Printers printers;
    @Inject
    private PrintSpooler spooler;
    @Inject
    private PrintJobs jobs;

    // ------------------------------------------------------------------ Basic Film Session (H.4.1)

    public PrintOutcome createFilmSession(Caller caller, String uid, Attributes given) throws PrintRefused {
        PrintAssociation a = association(caller);
        if (a.session != null) {
            throw new PrintRefused(Status.DUPLICATE_SOP_INSTANCE, "this association has film session "
                    + a.session.uid + " already (one per association)");
        }
        String id = newUid(uid);
        Attributes attrs = new Attributes();
        PrintOutcome outcome = PrintRules.filmSession(attrs, given, a.printer, id);
        a.session = new FilmSession(id, attrs);
        return outcome;
    }

    public PrintOutcome setFilmSession(Caller caller, String uid, Attributes given) throws PrintRefused {
        FilmSession s = session(caller, uid);
        return PrintRules.filmSession(s.attributes, given, association(caller).printer, uid).withoutData();
    }

    /** Deletes the film session and its film boxes; print jobs made of them go on. */
    public void deleteFilmSession(Caller caller, String uid) throws PrintRefused {
        session(caller, uid);
        PrintAssociation a = association(caller);
        for (FilmBox box : a.session.filmBoxes.values()) {
            discard(box);
        }
        a.session = null;
    }

    /** Prints every film box of the session as one print job (N-ACTION, Action Type 1). */
    public PrintOutcome printFilmSession(Caller caller, String uid) throws PrintRefused {
        FilmSession s = session(caller, uid);
        if (s.filmBoxes.isEmpty()) {
            throw new PrintRefused(PrintStatus.NO_FILM_BOX, "the film session has no film box");
        }
        List<FilmBox> boxes = List.copyOf(s.filmBoxes.values());
        PrintOutcome outcome = spool(caller, s, boxes, PrintStatus.SESSION_QUEUE_FULL);
        return boxes.stream().allMatch(FilmBox::isEmpty)
                ? outcome.warn(PrintStatus.EMPTY_SESSION, "no image in the film session (empty films)") : outcome;
    }

    // ------------------------------------------------------------------ Basic Film Box (H.4.2)

    public PrintOutcome createFilmBox(Caller caller, String uid, Attributes given, boolean color)
            throws PrintRefused {
        PrintAssociation a = association(caller);
        Attributes ref = given.getItem(Tag.ReferencedFilmSessionSequence, 0);
        if (ref == null) {
            throw PrintRules.missing(Tag.ReferencedFilmSessionSequence, "Referenced Film Session Sequence missing");
        }
        String sessionUid = ref.getString(Tag.ReferencedSOPInstanceUID);
        if (a.session == null || !a.session.uid.equals(sessionUid == null ? null : sessionUid.strip())) {
            throw PrintRules.invalid(Tag.ReferencedFilmSessionSequence, "no film session " + sessionUid
                    + " on this association");
        }
        PrinterSettings printer = a.printer;
        String format = given.getString(Tag.ImageDisplayFormat);
        if (format == null || format.isBlank()) {
            throw PrintRules.missing(Tag.ImageDisplayFormat, "Image Display Format missing");
        }
        ImageDisplayFormat parsed;
        try {
            parsed = ImageDisplayFormat.parse(format, printer.customFormatMap());
        } catch (IllegalArgumentException e) {
            throw PrintRules.invalid(Tag.ImageDisplayFormat, e.getMessage());
        }
        if (!printer.displayFormatFamilies().contains(parsed.family())) {
            throw PrintRules.invalid(Tag.ImageDisplayFormat, "this printer offers "
                    + String.join(", ", printer.displayFormatFamilies()) + ", not " + parsed.family());
        }
        String id = newUid(uid);
        Attributes attrs = new Attributes();
        attrs.setString(Tag.ImageDisplayFormat, VR.ST, parsed.value());
        PrintRules.take(attrs, given, Tag.FilmOrientation, List.of("PORTRAIT", "LANDSCAPE"));
        PrintRules.take(attrs, given, Tag.FilmSizeID, printer.filmSizeList());
        PrintRules.take(attrs, given, Tag.RequestedResolutionID, List.of("STANDARD", "HIGH"));
        PrintRules.defaults(attrs, Tag.FilmOrientation, "PORTRAIT");
        PrintRules.defaults(attrs, Tag.FilmSizeID, printer.filmSizeList().get(0));
        int annotations = 0;
        if (given.containsValue(Tag.AnnotationDisplayFormatID)) {
            String formatId = given.getString(Tag.AnnotationDisplayFormatID).strip();
            Map<String, String> offered = printer.annotationFormatMap();
            if (!offered.containsKey(formatId)) {
                throw PrintRules.invalid(Tag.AnnotationDisplayFormatID, formatId + " is not one of "
                        + String.join(", ", offered.keySet()));
            }
            annotations = Integer.parseInt(offered.get(formatId));
            attrs.setString(Tag.AnnotationDisplayFormatID, VR.CS, formatId);
        }
        presentationLut(a, attrs, given);
        PrintOutcome outcome = PrintRules.filmBox(attrs, given, printer, id);
        FilmGeometry geometry = FilmGeometry.of(attrs.getString(Tag.FilmSizeID), attrs.getString(Tag.FilmOrientation),
                parsed.value(), printer.customFormatMap(), annotations, printer.resolutionDpi());
        if (geometry.cells().isEmpty() || geometry.cells().get(0).width < 1 || geometry.cells().get(0).height < 1) {
            throw PrintRules.invalid(Tag.ImageDisplayFormat, parsed.value() + " leaves no room for an image on "
                    + attrs.getString(Tag.FilmSizeID));
        }
        List<ImageBox> images = new ArrayList<>();
        for (int i = 1; i <= geometry.cells().size(); i++) {
            images.add(new ImageBox(UIDs.generate(), i, color));
        }
        List<AnnotationBox> texts = new ArrayList<>();
        for (int i = 1; i <= annotations; i++) {
            texts.add(new AnnotationBox(UIDs.generate(), i));
        }
        FilmBox box = new FilmBox(id, attrs, images, texts, geometry);
        a.session.filmBoxes.put(id, box);
        return new PrintOutcome(id, created(a.session, box), outcome.warning(), outcome.comment());
    }

    public PrintOutcome setFilmBox(Caller caller, String uid, Attributes given) throws PrintRefused {
        PrintAssociation a = association(caller);
        FilmBox box = filmBox(a, uid);
        presentationLut(a, box.attributes, given);
        return PrintRules.filmBox(box.attributes, given, a.printer, uid).withoutData();
    }

    public void deleteFilmBox(Caller caller, String uid) throws PrintRefused {
        PrintAssociation a = association(caller);
        FilmBox box = filmBox(a, uid);
        discard(box);
        a.session.filmBoxes.remove(uid);
    }

    /** Prints the film box as a print job of its own (N-ACTION, Action Type 1). */
    public PrintOutcome printFilmBox(Caller caller, String uid) throws PrintRefused {
        PrintAssociation a = association(caller);
        FilmBox box = filmBox(a, uid);
        PrintOutcome outcome = spool(caller, a.session, List.of(box), PrintStatus.FILM_BOX_QUEUE_FULL);
        return box.isEmpty() ? outcome.warn(PrintStatus.EMPTY_FILM_BOX, "no image in the film box (empty film)")
                : outcome;
    }

    // ------------------------------------------------------------------ Image Box (H.4.3)

    /** Where the Pixel Data of an N-SET of image box {@code uid} is to be spooled; null if there is no such box. */
    public Path spoolFile(Caller caller, String uid) throws PrintRefused {
        PrintAssociation a = sessions.get(caller.serial());
        ImageBox box = a == null ? null : a.imageBox(uid);
        return box == null ? null : a.spool.resolve(uid + "." + UUID.randomUUID() + ".pixels");
    }

    /**
     * Sets an image box's image and presentation ({@code color}: a Basic Color Image Box N-SET). A refused
     * image leaves the box as it was and its spooled pixels are deleted.
     */
    public PrintOutcome setImageBox(Caller caller, String uid, Attributes given, boolean color) throws PrintRefused {
        PrintAssociation a = association(caller);
        ImageBox box = a.imageBox(uid);
        try {
            if (box == null) {
                throw new PrintRefused(Status.NO_SUCH_SOP_INSTANCE, "no image box " + uid + " on this association");
            }
            if (box.color != color) {
                throw new PrintRefused(Status.CLASS_INSTANCE_CONFLICT, "image box " + uid + " is a "
                        + (box.color ? "color" : "grayscale") + " one");
            }
            FilmBox film = a.session.filmBoxes.values().stream().filter(f -> f.imageBoxes.contains(box)).findFirst()
                    .orElseThrow();
            Attributes attrs = new Attributes();
            attrs.setInt(Tag.ImageBoxPosition, VR.US, box.position);
            if (given.containsValue(Tag.ImageBoxPosition)
                    && PrintRules.integer(given, Tag.ImageBoxPosition) != box.position) {
                throw PrintRules.invalid(Tag.ImageBoxPosition, "image box " + uid + " is at position " + box.position);
            }
            PrintRules.take(attrs, given, Tag.Polarity, List.of("NORMAL", "REVERSE"));
            PrintRules.take(attrs, given, Tag.MagnificationType, a.printer.magnificationTypeList());
            PrintRules.take(attrs, given, Tag.SmoothingType, a.printer.smoothingTypeList());
            PrintRules.take(attrs, given, Tag.RequestedDecimateCropBehavior, List.of("DECIMATE", "CROP", "FAIL"));
            double size = 0;
            if (given.containsValue(Tag.RequestedImageSize)) {
                size = given.getDouble(Tag.RequestedImageSize, 0);
                if (!(size > 0)) {
                    throw PrintRules.invalid(Tag.RequestedImageSize, "a width in mm above 0");
                }
                attrs.setString(Tag.RequestedImageSize, VR.DS, given.getString(Tag.RequestedImageSize).strip());
            }
            if (!color) {
                presentationLut(a, attrs, given);
            }
            Attributes image = ImageBoxRules.image(given, color);
            String magnification = attrs.getString(Tag.MagnificationType,
                    film.attributes.getString(Tag.MagnificationType, "BILINEAR")).strip();
            ImagePlacement placement = ImagePlacement.of(film.geometry.cells().get(box.position - 1),
                    image.getInt(Tag.Columns, 0), image.getInt(Tag.Rows, 0), ImagePlacement.aspect(image),
                    magnification, size,
                    attrs.getString(Tag.RequestedDecimateCropBehavior), a.printer.resolutionDpi() / 25.4);
            PrintOutcome outcome = ImageBoxRules.placement(PrintOutcome.done(uid, null), placement);
            attrs.newSequence(color ? Tag.BasicColorImageSequence : Tag.BasicGrayscaleImageSequence).add(image);
            Path previous = spoolOf(box.attributes);
            box.attributes = attrs;
            deleteQuietly(previous);
            return outcome;
        } catch (PrintRefused | RuntimeException e) {
            deleteQuietly(spoolOf(given));
            throw e;
        }
    }

    // ------------------------------------------------------------------ Basic Annotation Box (H.4.4)

    public void setAnnotationBox(Caller caller, String uid, Attributes given) throws PrintRefused {
        PrintAssociation a = association(caller);
        AnnotationBox box = a.annotationBox(uid);
        if (box == null) {
            throw new PrintRefused(Status.NO_SUCH_SOP_INSTANCE, "no annotation box " + uid + " on this association");
        }
        if (given.containsValue(Tag.AnnotationPosition)
                && PrintRules.integer(given, Tag.AnnotationPosition) != box.position) {
            throw PrintRules.invalid(Tag.AnnotationPosition, "annotation box " + uid + " is at position "
                    + box.position);
        }
        if (!given.contains(Tag.TextString)) {
            throw PrintRules.missing(Tag.TextString, "Text String missing");
        }
        String text = given.getString(Tag.TextString, "");
        if (text.length() > 64) {
            throw PrintRules.invalid(Tag.TextString, "at most 64 characters");
        }
        box.text = text;
    }

    // ------------------------------------------------------------------ Presentation LUT (H.4.9)

    public PrintOutcome createPresentationLut(Caller caller, String uid, Attributes given) throws PrintRefused {
        PrintAssociation a = association(caller);
        Attributes lut = PresentationLutRules.check(given);
        String id = newUid(uid);
        if (a.presentationLuts.containsKey(id)) {
            throw new PrintRefused(Status.DUPLICATE_SOP_INSTANCE, "Presentation LUT " + id + " exists");
        }
        a.presentationLuts.put(id, lut);
        return PrintOutcome.done(id, lut);
    }

    public void deletePresentationLut(Caller caller, String uid) throws PrintRefused {
        if (association(caller).presentationLuts.remove(uid) == null) {
            throw new PrintRefused(Status.NO_SUCH_SOP_INSTANCE, "no Presentation LUT " + uid + " on this association");
        }
    }

    // ------------------------------------------------------------------ Printer (H.4.6)

    /** The printer the association prints on, as the Printer SOP Instance's attributes. */
    public Attributes printer(Caller caller) throws PrintRefused {
        return PrinterAttributes.printer(association(caller).printer);
    }

    /** The Printer Configuration Retrieval SOP Instance's attributes (H.4.11). */
    public Attributes printerConfiguration(Caller caller) throws PrintRefused {
        return PrinterAttributes.configuration(association(caller).printer);
    }

    // ------------------------------------------------------------------ Print Job (H.4.5)

    /** The Print Job SOP Instance {@code uid}'s attributes. */
    public Attributes printJob(String uid) throws PrintRefused {
        PrintJobSummary job = jobs.byUid(uid == null ? "" : uid.strip()).orElseThrow(() -> new PrintRefused(
                Status.NO_SUCH_SOP_INSTANCE, "no print job " + uid));
        String printerName = printers.forAe(job.printerAe()).map(PrinterSettings::name).orElse(job.printerAe());
        return PrinterAttributes.job(job, printerName);
    }

    // ------------------------------------------------------------------ the association's state

    private PrintAssociation association(Caller caller) throws PrintRefused {
        PrintAssociation a = sessions.get(caller.serial());
        if (a != null) {
            return a;
        }
        PrinterSettings printer = printers.forAe(caller.calledAe()).orElseThrow(() -> new PrintRefused(
                Status.PROCESSING_FAILURE, "no printer is configured for AE " + caller.calledAe()));
        Path spool = PrintSettings.root().resolve("spool").resolve(caller.serial() + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(spool);
        } catch (IOException e) {
            throw new PrintRefused(Status.PROCESSING_FAILURE, "print spool not writable: " + e.getMessage());
        }
        a = new PrintAssociation(caller.serial(), caller.callingAe(), printer, spool);
        sessions.put(a);
        return a;
    }

    private FilmSession session(Caller caller, String uid) throws PrintRefused {
        FilmSession s = association(caller).session;
        if (s == null || !s.uid.equals(uid)) {
            throw new PrintRefused(Status.NO_SUCH_SOP_INSTANCE, "no film session " + uid + " on this association");
        }
        return s;
    }

    private static FilmBox filmBox(PrintAssociation a, String uid) throws PrintRefused {
        FilmBox box = a.filmBox(uid);
        if (box == null) {
            throw new PrintRefused(Status.NO_SUCH_SOP_INSTANCE, "no film box " + uid + " on this association");
        }
        return box;
    }

    private PrintOutcome spool(Caller caller, FilmSession session, List<FilmBox> boxes, int queueFull)
            throws PrintRefused {
        PrintAssociation a = association(caller);
        String jobUid;
        try {
            jobUid = spooler.spool(a.printer, a.callingAe, session.attributes, boxes, a.presentationLuts, a.jobs::add);
        } catch (IOException | RuntimeException e) {
            throw new PrintRefused(queueFull, "the print job could not be queued: " + e.getMessage());
        }
        Attributes rsp = new Attributes();
        // (2100,0500): the film session and film box N-ACTION-RSP reference (2120,0070 is retired)
        Attributes item = rsp.newSequence(Tag.ReferencedPrintJobSequencePullStoredPrint).addItem();
        item.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.PrintJob);
        item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, jobUid);
        return PrintOutcome.done(jobUid, rsp);
    }

    /** A film box's N-CREATE-RSP attributes: its own, and the boxes it made (PS3.4 H.4.2.2.1). */
    private static Attributes created(FilmSession session, FilmBox box) {
        Attributes rsp = new Attributes(box.attributes);
        Attributes sessionRef = rsp.newSequence(Tag.ReferencedFilmSessionSequence).addItem();
        sessionRef.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.BasicFilmSession);
        sessionRef.setString(Tag.ReferencedSOPInstanceUID, VR.UI, session.uid);
        Sequence images = rsp.newSequence(Tag.ReferencedImageBoxSequence);
        for (ImageBox i : box.imageBoxes) {
            Attributes item = images.addItem();
            item.setString(Tag.ReferencedSOPClassUID, VR.UI,
                    i.color ? UID.BasicColorImageBox : UID.BasicGrayscaleImageBox);
            item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, i.uid);
        }
        if (!box.annotationBoxes.isEmpty()) {
            Sequence texts = rsp.newSequence(Tag.ReferencedBasicAnnotationBoxSequence);
            for (AnnotationBox t : box.annotationBoxes) {
                Attributes item = texts.addItem();
                item.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.BasicAnnotationBox);
                item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, t.uid);
            }
        }
        return rsp;
    }

    /** Referenced Presentation LUT Sequence of {@code given}, checked against the association's LUTs. */
    private static void presentationLut(PrintAssociation a, Attributes attrs, Attributes given) throws PrintRefused {
        if (!given.contains(Tag.ReferencedPresentationLUTSequence)) {
            return;
        }
        Attributes ref = given.getItem(Tag.ReferencedPresentationLUTSequence, 0);
        if (ref == null) {
            attrs.remove(Tag.ReferencedPresentationLUTSequence);
            return;
        }
        String uid = ref.getString(Tag.ReferencedSOPInstanceUID, "").strip();
        if (!a.presentationLuts.containsKey(uid)) {
            throw PrintRules.invalid(Tag.ReferencedPresentationLUTSequence, "no Presentation LUT " + uid
                    + " on this association");
        }
        Attributes item = attrs.newSequence(Tag.ReferencedPresentationLUTSequence).addItem();
        item.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.PresentationLUT);
        item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, uid);
    }

    private static String newUid(String requested) throws PrintRefused {
        if (requested == null || requested.isBlank()) {
            return UIDs.generate();
        }
        if (!UIDs.isValid(requested.strip())) {
            throw new PrintRefused(Status.INVALID_OBJECT_INSTANCE, "not a UID: " + requested);
        }
        return requested.strip();
    }

    private static void discard(FilmBox box) {
        for (ImageBox i : box.imageBoxes) {
            deleteQuietly(spoolOf(i.attributes));
        }
    }

    /** The spool file of an image box's (or an N-SET's) Pixel Data, or null. */
    static Path spoolOf(Attributes imageBox) {
        if (imageBox == null) {
            return null;
        }
        for (int seq : new int[] {Tag.BasicGrayscaleImageSequence, Tag.BasicColorImageSequence}) {
            Attributes image = imageBox.getItem(seq, 0);
            if (image != null && image.getValue(Tag.PixelData) instanceof BulkData bulk) {
                return bulk.file();
            }
        }
        return null;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the association's spool directory goes at its end anyway
            }
        }
    }
}
