package org.beaconpacs.dicom.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Fragments;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.Tags;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.ElementDictionary;
import org.beaconpacs.dicom.io.DicomFile;
import org.beaconpacs.dicom.testing.SampleFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * An independent reader agrees with ours: for every sample file, DCMTK's dcmdump and our parse list the
 * same elements at the same nesting, with the same tags, VRs, value lengths and text values.
 */
class DcmdumpAgreementTest {

    private static final Pattern LINE = Pattern.compile(
            "^( *)\\(([0-9a-f]{4}),([0-9a-f]{4})\\) (\\S\\S) (.*?) *# *(u/l|\\d+), *(\\d+) .*$", Pattern.DOTALL);
    private static final Pattern ELEMENT_START = Pattern.compile("^ *\\([0-9a-f]{4},.*", Pattern.DOTALL);

    @TestFactory
    Stream<DynamicTest> dcmdumpAndWeReadTheSameElements() throws IOException {
        SampleFiles.require(Files.isExecutable(Path.of("/usr/bin/dcmdump")), "DCMTK (dcmdump)");
        return SampleFiles.all().stream()
                .filter(p -> !SampleFiles.BROKEN.containsKey(p.getFileName().toString()))
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> compare(p)));
    }

    private static void compare(Path path) throws Exception {
        DicomFile file = DicomFile.read(path);
        List<String> ours = new ArrayList<>();
        walk(file.dataset(), 0, !file.transferSyntax().explicitVR(), ours);
        List<String> theirs = dcmdump(path, !file.transferSyntax().explicitVR());
        for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
            assertEquals(theirs.get(i), ours.get(i), "element " + i + " of " + path.getFileName());
        }
        assertEquals(theirs.size(), ours.size(), "number of elements in " + path.getFileName());
    }

    private static List<String> dcmdump(Path path, boolean implicit) throws Exception {
        Process p = new ProcessBuilder("dcmdump", "-q", "-Un", "+L", "-dc", path.toString())
                .redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor();
        List<String> lines = new ArrayList<>();
        boolean dataset = false;
        List<String> elements = new ArrayList<>();
        for (String line : new String(out, StandardCharsets.ISO_8859_1).split("\n")) {
            if (ELEMENT_START.matcher(line).matches() || line.startsWith("#") || elements.isEmpty()) {
                elements.add(line);
            } else {
                // a text value with line breaks continues on the next lines
                elements.set(elements.size() - 1, elements.get(elements.size() - 1) + "\n" + line);
            }
        }
        for (String line : elements) {
            if (line.startsWith("# Dicom-Data-Set")) {
                dataset = true;
            }
            Matcher m = LINE.matcher(line);
            if (!dataset || !m.matches() || m.group(2).equals("fffe")) {
                continue;
            }
            int level = m.group(1).length() / 4; // dcmdump indents an item by 2 and its elements by 2 more
            int tag = (int) Long.parseLong(m.group(2) + m.group(3), 16);
            String vr = m.group(4).equals("up") ? "UL" : m.group(4); // DCMTK names DICOMDIR offsets "up"
            String value = m.group(5);
            String length = m.group(6);
            if (value.startsWith("(PixelSequence")) {
                vr = "OB"; // DCMTK shows encapsulated pixel data as OB even where the file says OW; we keep OW as read
            }
            if (vr.equals("SQ") || value.startsWith("(PixelSequence")) {
                length = length.equals("u/l") ? "u/l" : "defined";
                value = value.startsWith("(PixelSequence") ? value.replaceAll("\\s+$", "") : "";
            } else if (value.startsWith("[") && value.endsWith("]")) {
                value = rtrim(value.substring(1, value.length() - 1));
            } else {
                value = ""; // binary values: tag, VR and length are compared
            }
            lines.add(key(level, tag, normaliseVr(tag, vr, implicit), length, value));
        }
        return lines;
    }

    private static void walk(Attributes attrs, int level, boolean implicit, List<String> out) {
        for (int i = 0; i < attrs.size(); i++) {
            int tag = attrs.tagAt(i);
            VR vr = attrs.vrAt(i);
            Object v = attrs.valueAt(i);
            if (v instanceof Sequence seq) {
                out.add(key(level, tag, normaliseVr(tag, "SQ", implicit), seq.isUndefinedLength() ? "u/l" : "defined", ""));
                for (Attributes item : seq) {
                    walk(item, level + 1, implicit, out);
                }
            } else if (v instanceof Fragments f) {
                out.add(key(level, tag, "OB", "u/l",
                        "(PixelSequence #=" + f.size() + ")"));
            } else {
                byte[] b = attrs.encodedValue(i);
                String value = vr.isString() ? rtrim(new String(b, StandardCharsets.ISO_8859_1)) : "";
                out.add(key(level, tag, normaliseVr(tag, vr.name(), implicit), Integer.toString(b.length), value));
            }
        }
    }

    /**
     * In implicit VR the VR comes from each reader's dictionary: where PS3.6 allows alternatives (US or SS,
     * OB or OW) or the tag is private/unknown, both readers may pick differently, so compare "any".
     */
    private static String normaliseVr(int tag, String vr, boolean implicit) {
        if (!implicit) {
            return vr;
        }
        ElementDictionary.Entry e = ElementDictionary.entry(tag);
        if (Tags.isPrivate(tag) || e == null || e.vrs().length > 1 || vr.equals("??") || vr.equals("UN")) {
            return "*";
        }
        return vr;
    }

    private static String rtrim(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String key(int level, int tag, String vr, String length, String value) {
        return ">".repeat(level) + Tags.toString(tag) + " " + vr + " " + length + " " + value;
    }
}
