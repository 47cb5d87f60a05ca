package org.beaconpacs.dicom.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encapsulated pixel data (PS3.5 A.4): a Basic Offset Table item followed by the fragments of the
 * compressed frames, kept exactly as received. Each entry is a {@code byte[]} or a {@link BulkData}.
 */
public final class Fragments {

    private final VR vr;
    private final List<Object> items = new ArrayList<>();

    public Fragments(VR vr) {
        this.vr = vr;
    }

    public VR vr() {
        return vr;
    }

    /** Adds the next item; the first item added is the Basic Offset Table (possibly empty). */
    public void add(Object fragment) {
        if (!(fragment instanceof byte[]) && !(fragment instanceof BulkData)) {
            throw new IllegalArgumentException("fragment must be byte[] or BulkData");
        }
        items.add(fragment);
    }

    /** All items, offset table first. */
    public List<Object> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    /** Length in bytes of item {@code i}. */
    public long length(int i) {
        Object o = items.get(i);
        return o instanceof byte[] b ? b.length : ((BulkData) o).length();
    }

    /** The offsets of the Basic Offset Table (item 0), empty if it has none. */
    public long[] basicOffsetTable() {
        if (items.isEmpty() || !(items.get(0) instanceof byte[] b) || b.length < 4) {
            return new long[0];
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long[] offsets = new long[b.length / 4];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = bb.getInt() & 0xFFFFFFFFL;
        }
        return offsets;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Fragments f) || f.items.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            Object a = items.get(i);
            Object b = f.items.get(i);
            if (a instanceof byte[] x && b instanceof byte[] y ? !Arrays.equals(x, y) : !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return items.size();
    }

    @Override
    public String toString() {
        return "Fragments[" + items.size() + " items]";
    }
}
