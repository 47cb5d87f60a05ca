package org.beaconpacs.dicom.dump;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.data.Fragments;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.Tags;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.ElementDictionary;

/**
 * A listing of a data set in the manner of DCMTK's dcmdump: one line per element with tag, VR, value,
 * length and VM, and keyword; items and their elements nested, each level marked by a leading '&gt;'.
 * Values longer than {@link #maxValueChars} are cut with "...", so the dump is fit for logs.
 */
public final class DicomDump {

    private final int maxValueChars;

    public DicomDump() {
        this(64);
    }

    public DicomDump(int maxValueChars) {
        this.maxValueChars = maxValueChars;
    }

    public String dump(Attributes attrs) {
        StringBuilder sb = new StringBuilder(attrs.size() * 80);
        try {
            dump(attrs, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    public void dump(Attributes attrs, Appendable out) throws IOException {
        dump(attrs, out, 0);
    }

    private void dump(Attributes attrs, Appendable out, int level) throws IOException {
        for (int i = 0; i < attrs.size(); i++) {
            int tag = attrs.tagAt(i);
            VR vr = attrs.vrAt(i);
            Object value = attrs.valueAt(i);
            String keyword = ElementDictionary.keywordOf(tag);
            if (value instanceof Sequence seq) {
                line(out, level, tag, vr.name(), "(Sequence #=" + seq.size() + ")",
                        seq.isUndefinedLength() ? "u/l" : "", 1, keyword);
                int n = 0;
                for (Attributes item : seq) {
                    line(out, level + 1, Tags.ITEM, "na", "(Item #" + (++n) + " with " + item.size() + " elements)",
                            item.isUndefinedLength() ? "u/l" : "", 1, "Item");
                    dump(item, out, level + 1);
                }
            } else if (value instanceof Fragments fragments) {
                line(out, level, tag, fragments.vr().name(), "(PixelSequence #=" + fragments.size() + ")", "u/l", 1,
                        keyword);
                for (int k = 0; k < fragments.size(); k++) {
                    line(out, level + 1, Tags.ITEM, "pi", k == 0 ? "(Basic Offset Table)" : "(Fragment " + k + ")",
                            Long.toString(fragments.length(k)), 1, "Item");
                }
            } else if (value instanceof BulkData bulk) {
                line(out, level, tag, vr.name(), "(BulkData " + bulk.file().getFileName() + "@" + bulk.offset() + ")",
                        Long.toString(bulk.length()), 1, keyword);
            } else {
                String[] values = attrs.getStrings(tag);
                byte[] encoded = attrs.encodedValue(i);
                String text = values.length == 0 ? "(no value available)" : "[" + cut(String.join("\\", values)) + "]";
                line(out, level, tag, vr.name(), text, Integer.toString(encoded.length), values.length, keyword);
            }
        }
    }

    private String cut(String s) {
        return s.length() > maxValueChars ? s.substring(0, maxValueChars) + "..." : s;
    }

    private static void line(Appendable out, int level, int tag, String vr, String value, String length, int vm,
                             String keyword) throws IOException {
        StringBuilder sb = new StringBuilder(96);
        sb.append(">".repeat(level)).append(Tags.toString(tag)).append(' ').append(vr).append(' ').append(value);
        int pad = 52 + level - sb.length();
        sb.append(" ".repeat(Math.max(1, pad)));
        sb.append("# ").append(length.isEmpty() ? "" : length).append(", ").append(vm).append(' ').append(keyword);
        out.append(sb).append('\n');
    }
}
