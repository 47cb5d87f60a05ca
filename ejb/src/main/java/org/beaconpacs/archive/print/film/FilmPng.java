package org.beaconpacs.archive.print.film;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Writes a rendered film as PNG (lossless: the film's P-values as rendered). */
public final class FilmPng {

    private FilmPng() {
    }

    public static void write(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024);
             ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            // a film is mostly flat areas: fast deflate compresses it nearly as well as the default level
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** A preview {@code width} pixels wide (the print queue page's): halved step by step, each bilinear. */
    public static BufferedImage thumbnail(BufferedImage film, int width) {
        BufferedImage current = film;
        do {
            int w = Math.max(width, current.getWidth() / 2);
            int h = Math.max(1, (int) Math.round(current.getHeight() * (double) w / current.getWidth()));
            BufferedImage next = new BufferedImage(w, h, film.getType());
            java.awt.Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                        java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (current.getWidth() > width);
        return current;
    }
}
