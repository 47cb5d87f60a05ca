package org.beaconpacs.dicom.net.association;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.pdu.PresentationContext;

/**
 * The data set of a Part 10 file as a C-STORE sends it: on a context of its own transfer syntax the bytes
 * go out untouched (one copy between the file and the socket); on a context of another uncompressed
 * syntax (a peer that takes only Implicit VR Little Endian) it is re-encoded, large values streamed from
 * the file. A compressed data set goes only where its syntax was accepted, or through a
 * {@link Decompressor} that turns it into an uncompressed one.
 */
public final class FileDataSet {

    /** Values above this stay in the file while a data set is re-encoded. */
    private static final long BULK_THRESHOLD = 64 * 1024;
    private static final int META_BUFFER = 1024;

    /** Decodes a compressed data set into an uncompressed one (pixel data decoded, streamed). */
    public interface Decompressor {
        /** Whether data sets in {@code transferSyntax} can be decoded. */
        boolean decodes(String transferSyntax);

        /** Writes the data set of {@code file} (compressed) in the uncompressed {@code targetTs}. */
        void write(Path file, java.io.OutputStream out, String targetTs) throws IOException;
    }

    private final Path file;
    private final String sopClass;
    private final String sopInstance;
    private final String transferSyntax;
    private final long datasetStart;

    private FileDataSet(Path file, String sopClass, String sopInstance, String transferSyntax, long datasetStart) {
        this.file = file;
        this.sopClass = sopClass;
        this.sopInstance = sopInstance;
        this.transferSyntax = transferSyntax;
        this.datasetStart = datasetStart;
    }

    /** Reads the file meta information of {@code file}. */
    public static FileDataSet open(Path file) throws IOException {
        // a buffer of the meta group's usual size: the reader reads no more of the file than it holds
        try (DicomReader reader = DicomReader.open(file, META_BUFFER)) {
            Attributes fmi = reader.readFileMetaInformation();
            if (fmi == null) {
                throw new IOException(file + " is not a Part 10 file");
            }
            return new FileDataSet(file, fmi.getString(Tag.MediaStorageSOPClassUID),
                    fmi.getString(Tag.MediaStorageSOPInstanceUID), fmi.getString(Tag.TransferSyntaxUID),
                    reader.position());
        }
    }

    public Path file() {
        return file;
    }

    public String sopClass() {
        return sopClass;
    }

    public String sopInstance() {
        return sopInstance;
    }

    public String transferSyntax() {
        return transferSyntax;
    }

    /**
     * The accepted context to send this data set on: one of its own transfer syntax, else one of an
     * uncompressed syntax it can be re-encoded or decoded into; null if there is none.
     */
    public PresentationContext contextOn(Association association, Decompressor decompressor) {
        PresentationContext exact = association.acceptedContext(sopClass, transferSyntax);
        if (exact != null) {
            return exact;
        }
        TransferSyntax own = TransferSyntax.of(transferSyntax);
        if (!own.isNative() && (decompressor == null || !decompressor.decodes(transferSyntax))) {
            return null;
        }
        for (PresentationContext pc : association.acceptedContexts(sopClass)) {
            if (TransferSyntax.of(pc.transferSyntax()).isNative()) {
                return pc;
            }
        }
        return null;
    }

    /** Why {@link #contextOn} found none, for the error a sub-operation reports. */
    public String noContextReason(Association association) {
        var accepted = association.acceptedContexts(sopClass);
        return accepted.isEmpty() ? "the peer accepted no context for " + sopClass
                : "the peer accepted " + sopClass + " only in " + accepted.stream()
                        .map(PresentationContext::transferSyntax).distinct().toList() + ", the file is in "
                        + transferSyntax + " and cannot be converted";
    }

    /** Writes the data set in the context's transfer syntax, as {@link #contextOn} chose it. */
    public DataWriter writer(Decompressor decompressor) {
        return (out, ts) -> {
            if (ts.equals(transferSyntax)) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    DataWriter.copy(channel, datasetStart, out);
                }
                return;
            }
            if (!TransferSyntax.of(transferSyntax).isNative()) {
                decompressor.write(file, out, ts);
                return;
            }
            Attributes dataset;
            try (DicomReader reader = DicomReader.open(file).setBulkDataThreshold(BULK_THRESHOLD)) {
                dataset = reader.readFile().dataset();
            }
            DicomWriter w = new DicomWriter(out).setGroupLengths(DicomWriter.GroupLengths.RECALCULATE);
            w.writeDataset(dataset, TransferSyntax.of(ts));
            w.flush();
        };
    }
}
