package org.beaconpacs.archive.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** The media types a rendered frame is written in (PS3.18 8.7.4: image/jpeg, image/png), with their writers. */
public enum RenderedMediaType {
    JPEG("image/jpeg", "com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi"),
    PNG("image/png", "com.sun.imageio.plugins.png.PNGImageWriterSpi");

    private final String type;
    private final ImageWriterSpi spi;

    RenderedMediaType(String type, String jdkSpi) {
        this.type = type;
        this.spi = jdk(jdkSpi);
    }

    public String type() {
        return type;
    }

    /** The type {@code mediaType} names (parameters ignored), or null. */
    public static RenderedMediaType of(String mediaType) {
        String bare = mediaType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        for (RenderedMediaType t : values()) {
            if (t.type.equals(bare)) {
                return t;
            }
        }
        return null;
    }

    /** Writes {@code image}; {@code quality} (1 to 100) counts for JPEG only. */
    public void write(BufferedImage image, int quality, OutputStream out) throws IOException {
        ImageWriter writer = spi.createWriterInstance();
        // in memory: ImageIO's default stream caches in a temporary file, one created and deleted per frame
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (this == JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality / 100f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /**
     * The JDK's writer, taken from the default registry by its class name: a TwelveMonkeys writer registered
     * there by another deployment would otherwise be picked by chance.
     */
    private static ImageWriterSpi jdk(String className) {
        Iterator<ImageWriterSpi> found = IIORegistry.getDefaultInstance().getServiceProviders(ImageWriterSpi.class,
                p -> p.getClass().getName().equals(className), false);
        if (!found.hasNext()) {
            throw new IllegalStateException("the JDK has no " + className);
        }
        return found.next();
    }
}
