package org.beaconpacs.dicom.dump;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.data.Fragments;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.Tags;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.data.Values;
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
                // a value left on disk: show its first values, reading no more than the line needs
                int shown = maxValueChars / 2 + 1;
                String[] first = vr.isString() ? new String[] {"(on disk)"}
                        : Values.binaryToStrings(bulk.prefix(shown * 8), vr, bulk.bigEndian(), shown);
                long count = Values.binaryValueCount(bulk.length(), vr);
                String joined = String.join("\\", first) + (first.length < count ? "\\..." : "");
                line(out, level, tag, vr.name(), "[" + cut(joined) + "]", Long.toString(bulk.length()),
                        (int) Math.min(count, Integer.MAX_VALUE), keyword);
            } else {
                // binary values are formatted only as far as the line shows them
                String[] values = attrs.getStrings(tag, vr.isString() ? Integer.MAX_VALUE : maxValueChars / 2 + 1);
                byte[] encoded = attrs.encodedValue(i);
                int count = attrs.valueCount(tag);
                String joined = String.join("\\", values) + (values.length < count ? "\\..." : "");
                String text = values.length == 0 ? "(no value available)" : "[" + cut(joined) + "]";
                line(out, level, tag, vr.name(), text, Integer.toString(encoded.length), count, keyword);
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
