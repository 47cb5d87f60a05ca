package org.beaconpacs.dicom.data;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A value that stays on disk: {@code length} bytes at {@code offset} of {@code file}, in the byte
 * order given by {@code bigEndian}. Large values (pixel data above all) are referenced, not loaded.
 */
public record BulkData(Path file, long offset, long length, boolean bigEndian) {

    public BulkData {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length");
        }
    }

    /** An input stream over the referenced bytes only; the caller closes it. */
    public InputStream openStream() throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    /** Copies the referenced bytes to {@code out} without loading them whole. */
    public void transferTo(OutputStream out) throws IOException {
        if (out instanceof FileOutputStream fileOut) {
            // file to file: let the kernel copy (copy_file_range/sendfile), as cp does
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long position = offset;
                long remaining = length;
                while (remaining > 0) {
                    long n = channel.transferTo(position, remaining, fileOut.getChannel());
                    if (n <= 0) {
                        throw truncated(length - remaining);
                    }
                    position += n;
                    remaining -= n;
                }
            }
            return;
        }
        try (InputStream in = openStream()) {
            long copied = in.transferTo(out);
            if (copied != length) {
                throw truncated(copied);
            }
        }
    }

    private IOException truncated(long copied) {
        return new IOException("bulk data truncated: " + file + " has " + copied + " of " + length
                + " bytes at offset " + offset);
    }

    /** The first {@code n} bytes (fewer if the value is shorter), e.g. to show the start of a value. */
    public byte[] prefix(int n) throws IOException {
        try (InputStream in = openStream()) {
            return in.readNBytes((int) Math.min(n, length));
        }
    }

    /** Reads the whole value; only for values known to be small. */
    public byte[] toBytes() throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("bulk data of " + length + " bytes does not fit in an array");
        }
        try (InputStream in = openStream()) {
            byte[] b = in.readNBytes((int) length);
            if (b.length != length) {
                throw new IOException("bulk data truncated: " + file);
            }
            return b;
        }
    }
}
