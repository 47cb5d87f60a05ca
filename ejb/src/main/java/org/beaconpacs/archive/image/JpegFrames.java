package org.beaconpacs.archive.image;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import java.util.List;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import org.beaconpacs.dicom.image.Decompression;

/**
 * JPEG frames (PS3.5 A.4.1: baseline, extended, and the lossless processes 14 and 14 SV1) decoded with
 * TwelveMonkeys' JPEG reader, as raw samples: no color conversion, so a YCbCr frame stays YCbCr (its
 * chroma upsampled: YBR_FULL_422 becomes YBR_FULL). The reader is made directly, not found through
 * ImageIO's registry, which depends on the class loader that first touched it.
 */
final class JpegFrames extends ImageIoFrames {

    static final JpegFrames INSTANCE = new JpegFrames();
    private static final JPEGImageReaderSpi SPI = registered();

    private JpegFrames() {
        super("JPEG");
    }

    @Override
    ImageReaderSpi provider() {
        return SPI;
    }

    /**
     * TwelveMonkeys' reader wraps the JDK's (for baseline and extended frames): it finds it when registered.
     * Registered here in a registry of our own with the JDK's, so ImageIO's shared registry is left alone
     * (no class of this deployment kept there after an undeploy).
     */
    private static JPEGImageReaderSpi registered() {
        ServiceRegistry own = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class,
                p -> p.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi"), false)
                .forEachRemaining(jdk -> own.registerServiceProvider(jdk, ImageReaderSpi.class));
        JPEGImageReaderSpi spi = new JPEGImageReaderSpi();
        own.registerServiceProvider(spi, ImageReaderSpi.class);
        return spi;
    }

    @Override
    public String decodedPhotometric(Decompression.ImageDescription image) {
        return image.photometric().startsWith("YBR_") ? "YBR_FULL" : image.photometric();
    }
}
