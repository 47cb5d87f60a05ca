package org.beaconpacs.archive.image;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import javax.imageio.spi.ImageReaderSpi;
import org.beaconpacs.dicom.image.Decompression;

/**
 * JPEG 2000 frames (PS3.5 A.4.4, lossless and lossy) decoded with jai-imageio's JPEG 2000 reader (JJ2000).
 * The decoder undoes the codestream's component transform, so YBR_RCT and YBR_ICT frames come out RGB.
 */
final class Jpeg2000Frames extends ImageIoFrames {

    static final Jpeg2000Frames INSTANCE = new Jpeg2000Frames();
    private static final J2KImageReaderSpi SPI = new J2KImageReaderSpi();

    private Jpeg2000Frames() {
        super("JPEG 2000");
    }

    @Override
    ImageReaderSpi provider() {
        return SPI;
    }

    @Override
    public String decodedPhotometric(Decompression.ImageDescription image) {
        return image.photometric().equals("YBR_RCT") || image.photometric().equals("YBR_ICT") ? "RGB"
                : image.photometric();
    }
}
