package org.beaconpacs.dicom.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The value of an SQ element: its items, each an {@link Attributes} whose parent is the data set that
 * holds the sequence (so nested items inherit the Specific Character Set).
 *
 * <p>{@code undefinedLength} records how the sequence was encoded, so a data set is written back as read.
 */
public final class Sequence implements Iterable<Attributes> {

    private final Attributes parent;
    private final List<Attributes> items = new ArrayList<>(2);
    private boolean undefinedLength;

    Sequence(Attributes parent, boolean undefinedLength) {
        this.parent = parent;
        this.undefinedLength = undefinedLength;
    }

    /** Appends a new empty item and returns it for filling. */
    public Attributes addItem() {
        Attributes item = Attributes.itemOf(parent);
        items.add(item);
        return item;
    }

    /** Appends a copy-free adoption of {@code item}: the item now belongs to this sequence. */
    public Attributes add(Attributes item) {
        item.setParent(parent);
        items.add(item);
        return item;
    }

    public Attributes get(int index) {
        return items.get(index);
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public Attributes remove(int index) {
        return items.remove(index);
    }

    public boolean isUndefinedLength() {
        return undefinedLength;
    }

    public void setUndefinedLength(boolean undefinedLength) {
        this.undefinedLength = undefinedLength;
    }

    public List<Attributes> items() {
        return items;
    }

    @Override
    public Iterator<Attributes> iterator() {
        return items.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sequence s && items.equals(s.items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return "Sequence[" + items.size() + " items]";
    }
}
