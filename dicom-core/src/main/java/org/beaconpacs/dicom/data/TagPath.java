package org.beaconpacs.dicom.data;

import java.util.ArrayList;
import java.util.List;
import org.beaconpacs.dicom.dict.ElementDictionary;

/**
 * Addresses a value inside nested sequences, e.g.
 * {@code RequestAttributesSequence[1].RequestedProcedureID} or {@code 0040A730[0].0040A160}.
 * Each step but the last names a sequence and an item index (0 when omitted); steps are keywords or
 * 8 hex digits.
 */
public final class TagPath {

    private final int[] tags;
    private final int[] indexes;

    private TagPath(int[] tags, int[] indexes) {
        this.tags = tags;
        this.indexes = indexes;
    }

    public static TagPath of(int... tagsAndIndexes) {
        if (tagsAndIndexes.length % 2 == 0) {
            throw new IllegalArgumentException("expected tag, index, tag, index, ..., tag");
        }
        int n = tagsAndIndexes.length / 2 + 1;
        int[] t = new int[n];
        int[] ix = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = tagsAndIndexes[i * 2];
            if (i < n - 1) {
                ix[i] = tagsAndIndexes[i * 2 + 1];
            }
        }
        return new TagPath(t, ix);
    }

    public static TagPath parse(String path) {
        List<int[]> steps = new ArrayList<>();
        for (String step : path.split("\\.")) {
            int index = 0;
            String name = step.trim();
            int bracket = name.indexOf('[');
            if (bracket >= 0) {
                if (!name.endsWith("]")) {
                    throw new IllegalArgumentException("bad item index in " + path);
                }
                index = Integer.parseInt(name.substring(bracket + 1, name.length() - 1).trim());
                name = name.substring(0, bracket);
            }
            int tag = ElementDictionary.tagOf(name);
            if (tag == -1) {
                tag = Tags.parse(name);
            }
            steps.add(new int[] {tag, index});
        }
        int[] t = new int[steps.size()];
        int[] ix = new int[steps.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = steps.get(i)[0];
            ix[i] = steps.get(i)[1];
        }
        return new TagPath(t, ix);
    }

    public int lastTag() {
        return tags[tags.length - 1];
    }

    /** The item that holds the last element, or null; {@code create} makes missing sequences and items. */
    Attributes parentIn(Attributes root, boolean create) {
        Attributes item = root;
        for (int i = 0; i < tags.length - 1; i++) {
            Sequence seq = item.getSequence(tags[i]);
            if (seq == null) {
                if (!create) {
                    return null;
                }
                seq = item.newSequence(tags[i]);
            }
            while (create && seq.size() <= indexes[i]) {
                seq.addItem();
            }
            if (indexes[i] >= seq.size()) {
                return null;
            }
            item = seq.get(indexes[i]);
        }
        return item;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tags.length; i++) {
            if (i > 0) {
                sb.append('.');
            }
            String kw = ElementDictionary.keywordOf(tags[i]);
            sb.append(kw.isEmpty() ? Tags.toHexString(tags[i]) : kw);
            if (i < tags.length - 1) {
                sb.append('[').append(indexes[i]).append(']');
            }
        }
        return sb.toString();
    }
}
