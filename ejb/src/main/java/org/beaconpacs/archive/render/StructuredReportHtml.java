package org.beaconpacs.archive.render;

import java.io.IOException;
import java.io.Writer;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.dict.Tag;

/**
 * A Structured Report's content tree as readable HTML (the "rendered" form of an SR, PS3.18 8.7.4): the
 * document title, the patient and study it belongs to, its completion and verification, then each content
 * item (PS3.3 C.17.3) with its concept name and its value by Value Type, containers as nested sections.
 */
public final class StructuredReportHtml {

    private StructuredReportHtml() {
    }

    public static boolean isReport(Attributes ds) {
        return "CONTAINER".equals(ds.getString(Tag.ValueType)) && ds.contains(Tag.ContentSequence);
    }

    public static void write(Attributes ds, Writer out) throws IOException {
        String title = meaning(ds.getItem(Tag.ConceptNameCodeSequence, 0), "Structured Report");
        out.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
        out.write(escape(title));
        out.write("</title><style>body{font-family:sans-serif;max-width:60em;margin:1em auto}"
                + "dt{font-weight:bold}.rel{color:#777;font-size:small}section{margin-left:1.5em}</style>"
                + "</head><body>\n<h1>");
        out.write(escape(title));
        out.write("</h1>\n<dl>");
        field(out, "Patient", ds.getString(Tag.PatientName, "") + " (" + ds.getString(Tag.PatientID, "") + ")");
        field(out, "Study", ds.getString(Tag.StudyDescription, "") + " " + ds.getString(Tag.StudyDate, ""));
        field(out, "Content date", ds.getString(Tag.ContentDate, "") + " " + ds.getString(Tag.ContentTime, ""));
        field(out, "Completion", ds.getString(Tag.CompletionFlag, ""));
        field(out, "Verification", ds.getString(Tag.VerificationFlag, ""));
        out.write("</dl>\n");
        items(ds.getSequence(Tag.ContentSequence), out, 2);
        out.write("</body></html>\n");
    }

    private static void items(Sequence content, Writer out, int depth) throws IOException {
        if (content == null) {
            return;
        }
        out.write("<section>\n");
        for (Attributes item : content) {
            String type = item.getString(Tag.ValueType, "");
            String name = meaning(item.getItem(Tag.ConceptNameCodeSequence, 0), "");
            String rel = item.getString(Tag.RelationshipType, "");
            if (type.equals("CONTAINER")) {
                int h = Math.min(6, depth);
                out.write("<h" + h + ">" + escape(name) + " <span class=\"rel\">" + escape(rel) + "</span></h" + h
                        + ">\n");
                items(item.getSequence(Tag.ContentSequence), out, depth + 1);
                continue;
            }
            out.write("<p><span class=\"rel\">" + escape(rel) + "</span> ");
            if (!name.isEmpty()) {
                out.write("<b>" + escape(name) + ":</b> ");
            }
            out.write(escape(value(item, type)));
            out.write("</p>\n");
            items(item.getSequence(Tag.ContentSequence), out, depth + 1);
        }
        out.write("</section>\n");
    }

    /** A content item's value as text, by its Value Type (PS3.3 Table C.17.3-7). */
    static String value(Attributes item, String type) {
        return switch (type) {
            case "TEXT" -> item.getString(Tag.TextValue, "");
            case "CODE" -> meaning(item.getItem(Tag.ConceptCodeSequence, 0), "");
            case "NUM" -> {
                Attributes measured = item.getItem(Tag.MeasuredValueSequence, 0);
                if (measured == null) {
                    yield "(no value)";
                }
                Attributes unit = measured.getItem(Tag.MeasurementUnitsCodeSequence, 0);
                String u = unit == null ? "" : unit.getString(Tag.CodeValue, "");
                yield measured.getString(Tag.NumericValue, "") + (u.isEmpty() || u.equals("1") ? "" : " " + u);
            }
            case "DATETIME" -> item.getString(Tag.DateTime, "");
            case "DATE" -> item.getString(Tag.Date, "");
            case "TIME" -> item.getString(Tag.Time, "");
            case "PNAME" -> item.getString(Tag.PersonName, "");
            case "UIDREF" -> item.getString(Tag.UID, "");
            case "COMPOSITE", "IMAGE", "WAVEFORM" -> {
                Attributes ref = item.getItem(Tag.ReferencedSOPSequence, 0);
                yield ref == null ? type : type.toLowerCase(java.util.Locale.ROOT) + " "
                        + ref.getString(Tag.ReferencedSOPInstanceUID, "");
            }
            case "SCOORD", "SCOORD3D" -> item.getString(Tag.GraphicType, "") + " ("
                    + item.valueCount(Tag.GraphicData) + " coordinates)";
            case "TCOORD" -> item.getString(Tag.TemporalRangeType, "");
            default -> type;
        };
    }

    private static void field(Writer out, String label, String value) throws IOException {
        if (!value.isBlank()) {
            out.write("<dt>" + escape(label) + "</dt><dd>" + escape(value.trim()) + "</dd>");
        }
    }

    private static String meaning(Attributes code, String otherwise) {
        return code == null ? otherwise : code.getString(Tag.CodeMeaning, otherwise);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
