package org.beaconpacs.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.io.DicomFile;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.DicomWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * dicom-core on a 512x512 16-bit CT Part 10 file (≈ 514 KiB) in the page cache: parsing the header up
 * to Pixel Data, and parsing the whole file and writing it back to a file (pixel data in memory, or
 * streamed as bulk data), beside a plain copy of the
 * same file (the {@code cp} of the issue) so the ratio comes from one run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DicomCoreBenchmark {

    private Path dir;
    private Path source;
    private Path target;

    @Setup(Level.Trial)
    public void createFile() throws IOException {
        dir = Files.createTempDirectory("bench-dicom-core");
        SyntheticCt.main(new String[] {dir.toString(), "1"});
        source = dir.resolve("CT00001.dcm");
        target = dir.resolve("out.dcm");
        System.out.println("\nfile size: " + Files.size(source) + " bytes");
    }

    @TearDown(Level.Trial)
    public void deleteFiles() throws IOException {
        Files.deleteIfExists(target);
        Files.deleteIfExists(source);
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public Attributes parseHeader() throws IOException {
        try (DicomReader reader = DicomReader.open(source)) {
            reader.readFileMetaInformation();
            return reader.readDatasetUntil(org.beaconpacs.dicom.io.TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    Tag.PixelData);
        }
    }

    @Benchmark
    public long parseAndWrite() throws IOException {
        DicomFile file = DicomFile.read(source);
        Files.deleteIfExists(target); // a new file, as the archive writes: truncating a cached one costs more
        try (OutputStream out = Files.newOutputStream(target); DicomWriter writer = new DicomWriter(out)) {
            writer.writeFile(file.fileMetaInformation(), file.dataset());
        }
        return file.dataset().size();
    }

    /** The archive's way: Pixel Data stays on disk as bulk data and is copied file to file by the kernel. */
    @Benchmark
    public long parseAndWriteStreaming() throws IOException {
        DicomFile file;
        try (DicomReader reader = DicomReader.open(source).setBulkDataThreshold(64 * 1024)) {
            file = reader.readFile();
        }
        Files.deleteIfExists(target);
        try (OutputStream out = new FileOutputStream(target.toFile()); DicomWriter writer = new DicomWriter(out)) {
            writer.writeFile(file.fileMetaInformation(), file.dataset());
        }
        return file.dataset().size();
    }

    @Benchmark
    public Path copyFile() throws IOException {
        return Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
