package org.beaconpacs.archive.image;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.beaconpacs.dicom.image.Decompression;

/**
 * Frames decoded by an ImageIO reader, as raw samples (readRaster: no color conversion), checked against
 * the data set's image description and laid out as DICOM's native pixel data.
 */
abstract class ImageIoFrames implements Decompression.FrameDecoder {

    private final String format;

    ImageIoFrames(String format) {
        this.format = format;
    }

    /** The reader's provider, made directly: not looked up in ImageIO's class-loader-dependent registry. */
    abstract ImageReaderSpi provider();

    @Override
    public byte[] decode(byte[] frame, Decompression.ImageDescription image) throws IOException {
        ImageReader reader = provider().createReaderInstance(null);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(frame))) {
            reader.setInput(in);
            Raster raster = reader.readRaster(0, null);
            if (raster.getWidth() != image.columns() || raster.getHeight() != image.rows()
                    || raster.getNumBands() != image.samples()) {
                throw new IOException(format + " frame of " + raster.getWidth() + " × " + raster.getHeight() + " × "
                        + raster.getNumBands() + " where the data set says " + image.columns() + " × "
                        + image.rows() + " × " + image.samples());
            }
            return Samples.interleaved(raster, image.bitsAllocated());
        } finally {
            reader.dispose();
        }
    }
}
