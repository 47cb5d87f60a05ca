import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Build-time generator of the data dictionary (run by exec-maven-plugin as a single-file program).
 *
 * <p>Reads {@code elements.tsv} and {@code uids.tsv} (the PS3.6 facts kept in the repository) and writes
 * {@code Tag.java} / {@code UID.java} constants plus the runtime tables loaded by {@code ElementDictionary}
 * and {@code UIDDictionary}. It validates the data on the way, so a bad edit fails the build, not a lookup.
 *
 * <p>Arguments: dictionary directory, generated sources root, generated resources root.
 */
public class DictionaryGenerator {

    private static final String PACKAGE = "org.beaconpacs.dicom.dict";
    private static final Set<String> VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS",
            "LO", "LT", "OB", "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC",
            "UI", "UL", "UN", "UR", "US", "UT", "UV", "-");
    private static final Pattern TAG = Pattern.compile("[0-9A-Fx]{8}");
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    public static void main(String[] args) throws IOException {
        Path dictionary = Path.of(args[0]);
        Path sources = Path.of(args[1]).resolve(PACKAGE.replace('.', '/'));
        Path resources = Path.of(args[2]).resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(sources);
        Files.createDirectories(resources);

        List<String[]> elements = rows(dictionary.resolve("elements.tsv"), 6);
        List<String[]> uids = rows(dictionary.resolve("uids.tsv"), 5);
        validateElements(elements);
        validateUids(uids);

        writeTag(elements, sources.resolve("Tag.java"));
        writeUid(uids, sources.resolve("UID.java"));
        writeTable(elements, resources.resolve("elements.tsv"));
        List<String[]> uidTable = new ArrayList<>();
        for (String[] u : uids) {
            uidTable.add(new String[] {u[0], u[1], u[2], u[3], isStorage(u) ? "S" : "", u[4]});
        }
        writeTable(uidTable, resources.resolve("uids.tsv"));
    }

    /** PS3.4 Annex B: every SOP Class named "... Storage" except the commitment and media directory classes. */
    static boolean isStorage(String[] uid) {
        String name = uid[4];
        return uid[2].equals("SOP Class") && name.contains("Storage")
                && !name.startsWith("Storage Commitment") && !name.startsWith("Media Storage Directory");
    }

    private static List<String[]> rows(Path file, int columns) throws IOException {
        List<String[]> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != columns) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": expected " + columns + " columns");
            }
            rows.add(fields);
        }
        return rows;
    }

    private static void validateElements(List<String[]> elements) {
        Set<String> tags = new HashSet<>();
        Set<String> keywords = new HashSet<>();
        for (String[] e : elements) {
            check(TAG.matcher(e[0]).matches(), "bad tag " + e[0]);
            check(tags.add(e[0]), "duplicate tag " + e[0]);
            for (String vr : e[1].split("/")) {
                check(VRS.contains(vr), "bad VR " + e[1] + " of " + e[0]);
            }
            check(KEYWORD.matcher(e[3]).matches(), "bad keyword " + e[3]);
            check(keywords.add(e[3]), "duplicate keyword " + e[3]);
        }
    }

    private static void validateUids(List<String[]> uids) {
        Set<String> values = new HashSet<>();
        Set<String> keywords = new HashSet<>();
        for (String[] u : uids) {
            check(UID.matcher(u[0]).matches() && u[0].length() <= 64, "bad UID " + u[0]);
            check(values.add(u[0]), "duplicate UID " + u[0]);
            check(KEYWORD.matcher(u[1]).matches(), "bad keyword " + u[1]);
            check(keywords.add(u[1]), "duplicate UID keyword " + u[1]);
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void writeTag(List<String[]> elements, Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            header(out);
            out.println("/** Data element tags of PS3.6 by keyword. Repeating groups ({@code 60xx}) hold their first value. */");
            out.println("public final class Tag {");
            out.println("    private Tag() {}");
            for (String[] e : elements) {
                out.printf("%n    /** (%s,%s) %s %s %s%s */%n", e[0].substring(0, 4), e[0].substring(4), e[1], e[2],
                        html(e[5]), e[4].isEmpty() ? "" : " (retired)");
                out.printf("    public static final int %s = 0x%s;%n", e[3], e[0].replace('x', '0'));
            }
            out.println("}");
        }
    }

    private static void writeUid(List<String[]> uids, Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            header(out);
            out.println("/** Registered UIDs of PS3.6 Annex A by keyword. */");
            out.println("public final class UID {");
            out.println("    private UID() {}");
            for (String[] u : uids) {
                out.printf("%n    /** %s: %s%s */%n", u[2], html(u[4]), u[3].isEmpty() ? "" : " (retired)");
                out.printf("    public static final String %s = \"%s\";%n", u[1], u[0]);
            }
            out.println("}");
        }
    }

    private static void writeTable(List<String[]> rows, Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (String[] r : rows) {
                out.print(String.join("\t", r));
                out.print('\n');
            }
        }
    }

    private static void header(PrintWriter out) {
        out.println("// Generated by dicom-core/src/build/DictionaryGenerator.java from src/dictionary. Do not edit.");
        out.println("package " + PACKAGE + ";");
        out.println();
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;");
    }
}
