package org.beaconpacs.dicom.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real DICOM files Debian's python3-pydicom ships. Tests skip where the package is absent on a
 * developer's machine; under CI (CI=true) its absence is a failure, as .ci/run installs it.
 */
public final class SampleFiles {

    public static final Path PYDICOM_DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");

    /** Samples that are broken on purpose, and must be refused with a DicomParseException. */
    public static final Map<String, String> BROKEN = Map.of(
            "MR_truncated.dcm", "pixel data cut short",
            "rtplan_truncated.dcm", "file cut in the middle of an element",
            "no_meta.dcm", "starts one byte off: dcmdump refuses it as well",
            "SC_rgb_jpeg.dcm", "meta says Explicit VR but the data set is implicit: dcmdump refuses it as well",
            // edited without fixing lengths: dcmdump reads on silently, we refuse a length beyond the file's end
            "DICOMDIR-nooffset", "its last item declares 248 bytes where 224 remain");

    /** Samples with odd-length values: we pad them to even length (PS3.5 7.1.1), so one byte more each. */
    public static final Map<String, Integer> ODD_LENGTHS = Map.of(
            "meta_missing_tsyntax.dcm", 1,
            "nested_priv_SQ.dcm", 1);

    private SampleFiles() {
    }

    /** Skips (or, under CI, fails) when a required tool or file is missing. */
    public static void require(boolean present, String what) {
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(what + " is missing under CI: .ci/run must install it");
        }
        assumeTrue(present, what + " is not installed; skipping");
    }

    /**
     * Every DICOM file of pydicom's test_files (sub-folders and DICOMDIRs included) and charset_files:
     * everything but the text, JSON and archive files kept beside them.
     */
    public static List<Path> all() throws IOException {
        require(Files.isDirectory(PYDICOM_DATA.resolve("test_files")), "python3-pydicom (sample DICOM files)");
        try (Stream<Path> a = Files.walk(PYDICOM_DATA.resolve("test_files"));
             Stream<Path> b = Files.walk(PYDICOM_DATA.resolve("charset_files"))) {
            return Stream.concat(a, b).filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().matches(".*\\.(txt|dump|json|gz|py|pyc)|README"))
                    .sorted().toList();
        }
    }

    /** A short name for test reports: the path below pydicom's data folder. */
    public static String name(Path p) {
        return PYDICOM_DATA.relativize(p).toString();
    }

    public static Path file(String name) {
        Path p = PYDICOM_DATA.resolve("test_files").resolve(name);
        if (!Files.exists(p)) {
            p = PYDICOM_DATA.resolve("charset_files").resolve(name);
        }
        require(Files.exists(p), "python3-pydicom sample " + name);
        return p;
    }
}
