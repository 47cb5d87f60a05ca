package org.beaconpacs.archive.print.film;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.dict.Tag;

/**
 * Renders one film description (the film box's attributes with its image boxes in Referenced Image Box
 * Sequence and its annotation boxes in Referenced Basic Annotation Box Sequence, as {@code FilmSpool}
 * writes them) into an image at the printer's resolution: 8-bit P-values for grayscale films, RGB for
 * color ones. Border, empty boxes and trim are densities turned into P-values for the film's viewing
 * conditions (Illumination, Reflected Ambient Light; PS3.14).
 */
public final class FilmRenderer {

    private final int dpi;
    private final Map<String, String> customFormats;

    public FilmRenderer(int dpi, Map<String, String> customFormats) {
        this.dpi = dpi;
        this.customFormats = customFormats;
    }

    public BufferedImage render(Attributes film, boolean color) throws IOException {
        Sequence annotations = film.getSequence(Tag.ReferencedBasicAnnotationBoxSequence);
        int annotationCount = annotations == null ? 0 : annotations.size();
        FilmGeometry geometry = FilmGeometry.of(film.getString(Tag.FilmSizeID), film.getString(Tag.FilmOrientation),
                film.getString(Tag.ImageDisplayFormat), customFormats, annotationCount, dpi);
        int minDensity = film.getInt(Tag.MinDensity, 20);
        int maxDensity = film.getInt(Tag.MaxDensity, 300);
        Gsdf gsdf = new Gsdf(film.getInt(Tag.Illumination, 2000), film.getInt(Tag.ReflectedAmbientLight, 10),
                minDensity / 100.0, maxDensity / 100.0);
        int border = pValue(gsdf, film.getString(Tag.BorderDensity, "BLACK"), minDensity, maxDensity);
        int empty = pValue(gsdf, film.getString(Tag.EmptyImageDensity, "BLACK"), minDensity, maxDensity);
        boolean trim = "YES".equals(film.getString(Tag.Trim, "NO").strip());

        BufferedImage out = new BufferedImage(geometry.width(), geometry.height(),
                color ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(gray(border));
            g.fillRect(0, 0, geometry.width(), geometry.height());
            List<Rectangle> cells = geometry.cells();
            boolean[] filled = new boolean[cells.size()];
            Sequence boxes = film.getSequence(Tag.ReferencedImageBoxSequence);
            if (boxes != null) {
                for (Attributes box : boxes) {
                    int position = box.getInt(Tag.ImageBoxPosition, 0);
                    Attributes image = image(box);
                    if (position < 1 || position > cells.size() || image == null) {
                        continue;
                    }
                    filled[position - 1] = true;
                    drawImage(g, cells.get(position - 1), film, box, image, color, gsdf, minDensity, maxDensity,
                            empty, trim);
                }
            }
            g.setColor(gray(empty));
            for (int i = 0; i < cells.size(); i++) {
                if (!filled[i]) {
                    Rectangle c = cells.get(i);
                    g.fillRect(c.x, c.y, c.width, c.height);
                }
            }
            if (annotationCount > 0) {
                drawAnnotations(g, geometry, annotations, border);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The image of an image box: the item of its Basic Grayscale or Color Image Sequence, or null if unset. */
    static Attributes image(Attributes box) {
        Attributes image = box.getItem(Tag.BasicGrayscaleImageSequence, 0);
        if (image == null) {
            image = box.getItem(Tag.BasicColorImageSequence, 0);
        }
        return image == null || !image.containsValue(Tag.PixelData) ? null : image;
    }

    private void drawImage(Graphics2D g, Rectangle cell, Attributes film, Attributes box, Attributes image,
                           boolean colorFilm, Gsdf gsdf, int minDensity, int maxDensity, int empty, boolean trim)
            throws IOException {
        String magnification = first(box, film, Tag.MagnificationType, "BILINEAR");
        ImagePlacement placement = ImagePlacement.of(cell, image.getInt(Tag.Columns, 0), image.getInt(Tag.Rows, 0),
                ImagePlacement.aspect(image), magnification, box.getDouble(Tag.RequestedImageSize, 0),
                box.getString(Tag.RequestedDecimateCropBehavior), dpi / 25.4);
        boolean reverse = "REVERSE".equals(box.getString(Tag.Polarity, "NORMAL").strip());
        BufferedImage source;
        if (image.getInt(Tag.SamplesPerPixel, 1) == 3) {
            source = PixelReader.rgb(image, reverse);
        } else {
            Attributes lut = box.contains(Tag.PresentationLUTShape) || box.contains(Tag.PresentationLUTSequence)
                    ? box : film;
            byte[] table = GrayscaleLut.of(image.getInt(Tag.BitsStored, 8),
                    "MONOCHROME1".equals(image.getString(Tag.PhotometricInterpretation, "").strip()), reverse, lut,
                    gsdf, minDensity / 100.0, maxDensity / 100.0);
            source = PixelReader.gray(image, table);
        }
        g.setColor(gray(empty));
        g.fillRect(cell.x, cell.y, cell.width, cell.height);
        Object interpolation = switch (magnification) {
            case "REPLICATE", "NONE" -> RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR;
            case "CUBIC" -> RenderingHints.VALUE_INTERPOLATION_BICUBIC;
            default -> RenderingHints.VALUE_INTERPOLATION_BILINEAR;
        };
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        Rectangle target = placement.target();
        g.setClip(cell);
        g.drawImage(source, target.x, target.y, target.width, target.height, null);
        g.setClip(null);
        if (trim) {
            Rectangle shown = target.intersection(cell);
            int stroke = Math.max(1, dpi / 150);
            g.setColor(gray(0));
            g.setStroke(new BasicStroke(stroke));
            g.drawRect(shown.x - stroke, shown.y - stroke, shown.width + stroke, shown.height + stroke);
        }
    }

    private void drawAnnotations(Graphics2D g, FilmGeometry geometry, Sequence annotations, int border) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Rectangle strip = geometry.annotationStrip();
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(6, strip.height * 3 / 5)));
        g.setColor(gray(border < 128 ? 255 : 0));
        FontMetrics metrics = g.getFontMetrics();
        for (Attributes a : annotations) {
            int position = a.getInt(Tag.AnnotationPosition, 0);
            String text = a.getString(Tag.TextString);
            if (text == null || position < 1 || position > annotations.size()) {
                continue;
            }
            Rectangle r = geometry.annotationBox(position, annotations.size());
            g.setClip(r);
            g.drawString(text, r.x + geometry.gap() / 2, r.y + (r.height + metrics.getAscent()) / 2 - metrics.getDescent());
        }
        g.setClip(null);
    }

    private static String first(Attributes box, Attributes film, int tag, String fallback) {
        String v = box.getString(tag);
        if (v == null || v.isBlank()) {
            v = film.getString(tag);
        }
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static int pValue(Gsdf gsdf, String density, int min, int max) {
        return (int) Math.round(gsdf.pValue(Density.od(density, min, max)) * 255);
    }

    private static Color gray(int p) {
        return new Color(p, p, p);
    }
}
