package org.beaconpacs.archive.retrieve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import org.beaconpacs.archive.image.Decompressors;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.FileMetaInformation;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.association.FileDataSet;

/**
 * A stored instance as a Part 10 file in a transfer syntax a web client asked for (WADO-RS, WADO-URI): the
 * file as stored when the syntaxes agree (copied, never parsed), else re-encoded among the native syntaxes
 * or decoded by {@link Decompressors}. Streams only.
 */
public final class Part10Writer {

    /** A copy buffer per thread: a retrieve writes one file after the other on its thread. */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[256 * 1024]);

    private Part10Writer() {
    }

    /** Whether {@code instance} can be written in {@code transferSyntax} ("*": as stored). */
    public static boolean deliverable(StoredInstance instance, String transferSyntax) {
        if (transferSyntax.equals("*") || transferSyntax.equals(instance.transferSyntax())) {
            return true;
        }
        TransferSyntax target = TransferSyntax.of(transferSyntax);
        if (target == null || !target.isNative() || target.deflated()) {
            return false;
        }
        TransferSyntax stored = TransferSyntax.of(instance.transferSyntax());
        return stored != null && (stored.isNative() || Decompressors.INSTANCE.decodes(instance.transferSyntax()));
    }

    /** The transfer syntax {@code instance} is written in for {@code transferSyntax}. */
    public static String target(StoredInstance instance, String transferSyntax) {
        return transferSyntax.equals("*") ? instance.transferSyntax() : transferSyntax;
    }

    /** Copies a stored file as it is, in blocks of 256 KiB (Files.copy's 8 KiB made WADO-RS a third slower). */
    public static void copy(java.nio.file.Path file, OutputStream out) throws IOException {
        byte[] buf = BUFFER.get();
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
        }
    }

    /** Writes {@code instance} as a Part 10 file in {@code transferSyntax} (check {@link #deliverable} first). */
    public static void write(StoredInstance instance, String transferSyntax, OutputStream out) throws IOException {
        String ts = target(instance, transferSyntax);
        if (ts.equals(instance.transferSyntax())) {
            copy(instance.file(), out);
            return;
        }
        FileDataSet file = FileDataSet.open(instance.file());
        Attributes fmi = FileMetaInformation.create(instance.sopClass(), instance.sopInstance(), ts, null);
        DicomWriter w = new DicomWriter(out);
        w.writeFileMetaInformation(fmi);
        w.flush();
        file.writer(Decompressors.INSTANCE).writeTo(out, ts);
    }
}
