package org.beaconpacs.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.beaconpacs.dicom.dump.DicomDump;
import org.beaconpacs.dicom.io.DicomReader;

/** Dumps every file of a directory to standard output, as {@code dcmdump dir/*} does: the whole-process comparison. */
public final class DumpTool {

    private DumpTool() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        DicomDump dump = new DicomDump();
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        for (Path f : files) {
            out.write("# " + f + "\n");
            // like DCMTK, values above 4 KiB stay in the file until shown (dcmdump's default read limit)
            try (DicomReader reader = DicomReader.open(f).setBulkDataThreshold(4096)) {
                dump.dump(reader.readFile().dataset(), out);
            }
        }
        out.flush();
    }
}
