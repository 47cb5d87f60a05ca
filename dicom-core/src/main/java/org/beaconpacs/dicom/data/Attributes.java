package org.beaconpacs.dicom.data;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Objects;
import org.beaconpacs.dicom.charset.SpecificCharacterSet;
import org.beaconpacs.dicom.dict.ElementDictionary;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.time.DateTimes;

/**
 * A DICOM data set: data elements ordered by tag, each with its VR and value.
 *
 * <p>A value is one of: {@code byte[]} (the bytes as encoded, in this data set's byte order),
 * {@code String[]} (text set through the API, encoded when written), {@link Sequence},
 * {@link Fragments} (encapsulated pixel data) or {@link BulkData} (a value left on disk). Keeping read
 * values as bytes makes a read-then-write round trip byte-exact and defers character-set decoding to
 * the values somebody actually asks for.
 *
 * <p>Items of sequences are Attributes whose parent is the enclosing data set: they inherit its
 * Specific Character Set and byte order. Not thread-safe.
 */
public final class Attributes {

    private static final int[] NO_TAGS = {};

    private Attributes parent;
    private int[] tags;
    private VR[] vrs;
    private Object[] values;
    private int size;
    private boolean bigEndian;
    private boolean undefinedLength = true;
    private SpecificCharacterSet charset;

    public Attributes() {
        this(false, 16);
    }

    public Attributes(int capacity) {
        this(false, capacity);
    }

    /** A data set whose binary values are held in big endian order (as read from Explicit VR Big Endian). */
    public Attributes(boolean bigEndian, int capacity) {
        this.bigEndian = bigEndian;
        this.tags = capacity == 0 ? NO_TAGS : new int[capacity];
        this.vrs = new VR[capacity];
        this.values = new Object[capacity];
    }

    /** An empty item of a sequence in {@code parent}: same byte order, inherits its character set. */
    static Attributes itemOf(Attributes parent) {
        Attributes item = new Attributes(parent.bigEndian, 8);
        item.parent = parent;
        return item;
    }

    /** A deep copy of {@code other} (bulk data references are shared, not read). */
    public Attributes(Attributes other) {
        this(other.bigEndian, other.size);
        this.undefinedLength = other.undefinedLength;
        addAll(other);
    }

    // ---------------------------------------------------------------- structure

    public Attributes parent() {
        return parent;
    }

    void setParent(Attributes parent) {
        this.parent = parent;
        if (parent != null && parent.bigEndian != bigEndian) {
            setBigEndian(parent.bigEndian);
        }
    }

    /** Depth of nesting: 0 for a top-level data set, 1 for an item of one of its sequences, ... */
    public int level() {
        int level = 0;
        for (Attributes p = parent; p != null; p = p.parent) {
            level++;
        }
        return level;
    }

    public boolean isBigEndian() {
        return bigEndian;
    }

    /** Converts binary values (recursively) to the given byte order. */
    public void setBigEndian(boolean bigEndian) {
        if (this.bigEndian == bigEndian) {
            return;
        }
        for (int i = 0; i < size; i++) {
            Object v = values[i];
            if (v instanceof byte[] b && vrs[i].swapUnit() > 1) {
                Values.swap(b, 0, b.length, vrs[i].swapUnit());
            } else if (v instanceof Sequence seq) {
                for (Attributes item : seq) {
                    item.setBigEndian(bigEndian);
                }
            }
        }
        this.bigEndian = bigEndian;
    }

    /** How this data set was encoded as an item: with an Item Delimitation Item (true) or a defined length. */
    public boolean isUndefinedLength() {
        return undefinedLength;
    }

    public void setUndefinedLength(boolean undefinedLength) {
        this.undefinedLength = undefinedLength;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int tagAt(int index) {
        return tags[index];
    }

    public VR vrAt(int index) {
        return vrs[index];
    }

    public Object valueAt(int index) {
        return values[index];
    }

    /** The tags of this data set in ascending order. */
    public int[] tags() {
        return Arrays.copyOf(tags, size);
    }

    /** Position of {@code tag}, or {@code -(insertion point) - 1}; tags compare as unsigned ints. */
    public int indexOf(int tag) {
        if (size > 0 && tags[size - 1] == tag) {
            return size - 1;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = Integer.compareUnsigned(tags[mid], tag);
            if (cmp < 0) {
                lo = mid + 1;
            } else if (cmp > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** True if {@code tag} is present with a non-empty value. */
    public boolean containsValue(int tag) {
        int i = indexOf(tag);
        return i >= 0 && !isEmptyValue(values[i]);
    }

    private static boolean isEmptyValue(Object v) {
        return v == null
                || v instanceof byte[] b && b.length == 0
                || v instanceof String[] s && s.length == 0
                || v instanceof Sequence q && q.isEmpty();
    }

    public VR getVR(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? vrs[i] : null;
    }

    /** The raw value (see the class comment for its possible types), or null if absent. */
    public Object getValue(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? values[i] : null;
    }

    /**
     * Sets a raw value. Elements are kept in tag order; appending in ascending order (as a reader does)
     * costs O(1).
     */
    public Object setValue(int tag, VR vr, Object value) {
        Objects.requireNonNull(vr, "vr");
        if (value instanceof Sequence s && vr != VR.SQ && vr != VR.UN) {
            throw new IllegalArgumentException("sequence value needs VR SQ: " + Tags.toString(tag));
        }
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
        }
        int i = indexOf(tag);
        if (i >= 0) {
            Object old = values[i];
            vrs[i] = vr;
            values[i] = value;
            return old;
        }
        insert(-i - 1, tag, vr, value);
        return null;
    }

    private void insert(int at, int tag, VR vr, Object value) {
        if (size == tags.length) {
            int capacity = Math.max(8, size * 2);
            tags = Arrays.copyOf(tags, capacity);
            vrs = Arrays.copyOf(vrs, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        if (at < size) {
            System.arraycopy(tags, at, tags, at + 1, size - at);
            System.arraycopy(vrs, at, vrs, at + 1, size - at);
            System.arraycopy(values, at, values, at + 1, size - at);
        }
        tags[at] = tag;
        vrs[at] = vr;
        values[at] = value;
        size++;
    }

    /** Removes {@code tag}; returns its old value or null. */
    public Object remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        Object old = values[i];
        int moved = size - i - 1;
        System.arraycopy(tags, i + 1, tags, i, moved);
        System.arraycopy(vrs, i + 1, vrs, i, moved);
        System.arraycopy(values, i + 1, values, i, moved);
        size--;
        values[size] = null;
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
        }
        return old;
    }

    /** Removes every element of a group, e.g. the command group 0000 or the meta group 0002. */
    public void removeGroup(int group) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (tags[i] >>> 16 != group) {
                tags[kept] = tags[i];
                vrs[kept] = vrs[i];
                values[kept] = values[i];
                kept++;
            }
        }
        Arrays.fill(values, kept, size, null);
        size = kept;
        charset = null;
    }

    // ---------------------------------------------------------------- setters

    public void setNull(int tag, VR vr) {
        setValue(tag, vr, vr == VR.SQ ? new Sequence(this, true) : Values.EMPTY_BYTES);
    }

    public void setBytes(int tag, VR vr, byte[] value) {
        setValue(tag, vr, value);
    }

    /** Sets a string value (several values for VM &gt; 1); text is encoded with the data set's character set on write. */
    public void setString(int tag, VR vr, String... value) {
        if (!vr.isString()) {
            setBinaryFromStrings(tag, vr, value);
            return;
        }
        String[] copy = value.length == 0 ? Values.EMPTY_STRINGS : value.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null) {
                copy[i] = ""; // a null value is an empty value, as in a C-FIND identifier
            }
        }
        setValue(tag, vr, copy);
    }

    private void setBinaryFromStrings(int tag, VR vr, String[] value) {
        if (vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD) {
            double[] d = new double[value.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = Double.parseDouble(value[i].trim());
            }
            setDouble(tag, vr, d);
        } else if (vr == VR.AT) {
            int[] t = new int[value.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = Tags.parse(value[i]);
            }
            setInt(tag, vr, t);
        } else if (vr == VR.SV || vr == VR.UV || vr == VR.OV) {
            long[] l = new long[value.length];
            for (int i = 0; i < l.length; i++) {
                l[i] = vr == VR.SV ? Long.parseLong(value[i].trim()) : Long.parseUnsignedLong(value[i].trim());
            }
            setLong(tag, vr, l);
        } else if (vr.isBinaryNumber() || vr == VR.OW || vr == VR.OL) {
            int[] n = new int[value.length];
            for (int i = 0; i < n.length; i++) {
                n[i] = (int) Long.parseLong(value[i].trim());
            }
            setInt(tag, vr, n);
        } else {
            throw new IllegalArgumentException("cannot set " + vr + " from strings: " + Tags.toString(tag));
        }
    }

    /** Sets integers: binary for US, SS, UL, SL, AT, OW, OL; text for IS and DS. */
    public void setInt(int tag, VR vr, int... value) {
        switch (vr) {
            case IS, DS -> {
                String[] s = new String[value.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = Integer.toString(value[i]);
                }
                setValue(tag, vr, s);
            }
            case US, SS, OW -> {
                byte[] b = new byte[value.length * 2];
                for (int i = 0; i < value.length; i++) {
                    Values.putInt16(b, i * 2, value[i], bigEndian);
                }
                setValue(tag, vr, b);
            }
            case UL, SL, OL -> {
                byte[] b = new byte[value.length * 4];
                for (int i = 0; i < value.length; i++) {
                    Values.putInt32(b, i * 4, value[i], bigEndian);
                }
                setValue(tag, vr, b);
            }
            case AT -> {
                byte[] b = new byte[value.length * 4];
                for (int i = 0; i < value.length; i++) {
                    Values.putInt16(b, i * 4, value[i] >>> 16, bigEndian);
                    Values.putInt16(b, i * 4 + 2, value[i], bigEndian);
                }
                setValue(tag, vr, b);
            }
            case SV, UV, OV -> {
                long[] l = new long[value.length];
                for (int i = 0; i < l.length; i++) {
                    l[i] = vr == VR.SV ? value[i] : value[i] & 0xFFFFFFFFL;
                }
                setLong(tag, vr, l);
            }
            case FL, FD, OF, OD -> {
                double[] d = new double[value.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = value[i];
                }
                setDouble(tag, vr, d);
            }
            default -> throw new IllegalArgumentException("cannot set " + vr + " from int: " + Tags.toString(tag));
        }
    }

    public void setLong(int tag, VR vr, long... value) {
        if (vr != VR.SV && vr != VR.UV && vr != VR.OV) {
            int[] ints = new int[value.length];
            for (int i = 0; i < ints.length; i++) {
                ints[i] = Math.toIntExact(value[i]);
            }
            setInt(tag, vr, ints);
            return;
        }
        byte[] b = new byte[value.length * 8];
        for (int i = 0; i < value.length; i++) {
            Values.putInt64(b, i * 8, value[i], bigEndian);
        }
        setValue(tag, vr, b);
    }

    /** Sets decimals: binary for FL, FD, OF, OD; text for DS. */
    public void setDouble(int tag, VR vr, double... value) {
        switch (vr) {
            case DS -> {
                String[] s = new String[value.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = Values.formatDS(value[i]);
                }
                setValue(tag, vr, s);
            }
            case FL, OF -> {
                byte[] b = new byte[value.length * 4];
                for (int i = 0; i < value.length; i++) {
                    Values.putInt32(b, i * 4, Float.floatToIntBits((float) value[i]), bigEndian);
                }
                setValue(tag, vr, b);
            }
            case FD, OD -> {
                byte[] b = new byte[value.length * 8];
                for (int i = 0; i < value.length; i++) {
                    Values.putInt64(b, i * 8, Double.doubleToLongBits(value[i]), bigEndian);
                }
                setValue(tag, vr, b);
            }
            default -> throw new IllegalArgumentException("cannot set " + vr + " from double: " + Tags.toString(tag));
        }
    }

    /** Sets a DA value. */
    public void setDate(int tag, LocalDate date) {
        setString(tag, VR.DA, DateTimes.formatDA(date));
    }

    /** Sets a TM value (with a fraction only when the time has one). */
    public void setTime(int tag, LocalTime time) {
        setString(tag, VR.TM, DateTimes.formatTM(time));
    }

    /** Sets a DT value from a LocalDateTime, OffsetDateTime or ZonedDateTime. */
    public void setDateTime(int tag, TemporalAccessor dateTime) {
        setString(tag, VR.DT, DateTimes.formatDT(dateTime));
    }

    /** Creates (replacing any old value) an empty sequence of undefined length and returns it. */
    public Sequence newSequence(int tag) {
        Sequence seq = new Sequence(this, true);
        setValue(tag, VR.SQ, seq);
        return seq;
    }

    /** Creates a sequence with the given VR (UN for a sequence of unknown VR as read from an explicit data set). */
    public Sequence newSequence(int tag, VR vr, boolean undefinedLength) {
        Sequence seq = new Sequence(this, undefinedLength);
        setValue(tag, vr, seq);
        return seq;
    }

    public Fragments newFragments(int tag, VR vr) {
        Fragments f = new Fragments(vr);
        setValue(tag, vr, f);
        return f;
    }

    public void setBulkData(int tag, VR vr, BulkData bulk) {
        setValue(tag, vr, bulk);
    }

    // ---------------------------------------------------------------- getters

    /** The character set that applies to this data set's text: its own (0008,0005), else its parent's. */
    public SpecificCharacterSet specificCharacterSet() {
        if (charset == null) {
            int i = indexOf(Tag.SpecificCharacterSet);
            if (i >= 0) {
                charset = SpecificCharacterSet.valueOf(stringsAt(i, SpecificCharacterSet.DEFAULT));
            } else {
                return parent != null ? parent.specificCharacterSet() : SpecificCharacterSet.DEFAULT;
            }
        }
        return charset;
    }

    /** The first value as a string, or null if absent or empty. */
    public String getString(int tag) {
        return getString(tag, 0, null);
    }

    public String getString(int tag, String defaultValue) {
        return getString(tag, 0, defaultValue);
    }

    /** Value {@code index} as a string; binary numbers are formatted, tags as 8 hex digits. */
    public String getString(int tag, int index, String defaultValue) {
        String[] s = getStrings(tag);
        return s != null && index < s.length ? s[index] : defaultValue;
    }

    /** All values as strings, an empty array for an empty value, or null if absent. */
    public String[] getStrings(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : stringsAt(i, specificCharacterSet());
    }

    private String[] stringsAt(int i, SpecificCharacterSet cs) {
        Object v = values[i];
        VR vr = vrs[i];
        if (v instanceof String[] s) {
            // one empty value encodes exactly as no value: both read back as no value
            return s.length == 1 && s[0].isEmpty() ? Values.EMPTY_STRINGS : s.clone();
        }
        if (!(v instanceof byte[] b)) {
            return Values.EMPTY_STRINGS;
        }
        if (b.length == 0) {
            return Values.EMPTY_STRINGS;
        }
        if (vr.isString()) {
            String text = vr.usesSpecificCharacterSet()
                    ? cs.decode(b, vr == VR.PN)
                    : new String(b, StandardCharsets.ISO_8859_1);
            if (vr.kind() == VR.Kind.TEXT) {
                return new String[] {Values.trim(text, vr)};
            }
            String[] parts = Values.split(text);
            for (int k = 0; k < parts.length; k++) {
                parts[k] = Values.trim(parts[k], vr);
            }
            return parts;
        }
        return BinaryValues.toStrings(b, vr, bigEndian);
    }

    /**
     * At most {@code limit} values as strings, for listings: binary values are formatted only that far.
     * Null if absent.
     */
    public String[] getStrings(int tag, int limit) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        if (values[i] instanceof byte[] b && !vrs[i].isString()) {
            return BinaryValues.toStrings(b, vrs[i], bigEndian, limit);
        }
        String[] s = stringsAt(i, specificCharacterSet());
        return s.length <= limit ? s : Arrays.copyOf(s, limit);
    }

    /** Number of values (VM) of an element: binary values by their size, text by its backslashes. */
    public int valueCount(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return 0;
        }
        if (values[i] instanceof byte[] b && !vrs[i].isString()) {
            return vrs[i].isBinaryNumber() ? BinaryValues.count(b, vrs[i]) : (b.length == 0 ? 0 : 1);
        }
        return stringsAt(i, specificCharacterSet()).length;
    }

    /** The first DA value, or null if absent or empty; a malformed date is a DateTimeParseException. */
    public LocalDate getDate(int tag) {
        String s = getString(tag);
        return s == null || s.isEmpty() ? null : DateTimes.parseDA(s);
    }

    /** The first TM value (partial values at their start), or null. */
    public LocalTime getTime(int tag) {
        String s = getString(tag);
        return s == null || s.isEmpty() ? null : DateTimes.parseTM(s);
    }

    /** The first DT value: a LocalDateTime, or an OffsetDateTime when it carries an offset; or null. */
    public Temporal getDateTime(int tag) {
        String s = getString(tag);
        return s == null || s.isEmpty() ? null : DateTimes.parseDT(s);
    }

    /**
     * Date and time of a DA/TM pair such as Study Date and Study Time, or null without a date; a missing
     * time is midnight.
     */
    public LocalDateTime getDateTime(int dateTag, int timeTag) {
        LocalDate date = getDate(dateTag);
        if (date == null) {
            return null;
        }
        LocalTime time = getTime(timeTag);
        return date.atTime(time == null ? LocalTime.MIDNIGHT : time);
    }

    /** The first value as an int (IS, DS, US, SS, UL, SL, ...), or {@code defaultValue}. */
    public int getInt(int tag, int defaultValue) {
        int[] v = getInts(tag);
        return v != null && v.length > 0 ? v[0] : defaultValue;
    }

    /** All values as ints, or null if absent; an unparseable IS/DS value is a NumberFormatException. */
    public int[] getInts(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        VR vr = vrs[i];
        if (values[i] instanceof byte[] b && !vr.isString()) {
            return BinaryValues.toInts(b, vr, bigEndian);
        }
        String[] s = stringsAt(i, specificCharacterSet());
        int[] out = new int[s.length];
        for (int k = 0; k < s.length; k++) {
            out[k] = vr == VR.DS ? (int) Values.parseDS(s[k]) : Values.parseIS(s[k]);
        }
        return out;
    }

    public double getDouble(int tag, double defaultValue) {
        double[] v = getDoubles(tag);
        return v != null && v.length > 0 ? v[0] : defaultValue;
    }

    public double[] getDoubles(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        VR vr = vrs[i];
        if (values[i] instanceof byte[] b && !vr.isString()) {
            return BinaryValues.toDoubles(b, vr, bigEndian);
        }
        String[] s = stringsAt(i, specificCharacterSet());
        double[] out = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            out[k] = Values.parseDS(s[k]);
        }
        return out;
    }

    /**
     * The value as bytes in this data set's byte order: text encoded with its character set and padded
     * to even length. Null for absent elements, sequences, fragments and bulk data.
     */
    public byte[] getBytes(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : encodedValue(i);
    }

    /** Bytes of the element at {@code index} as they would be written (null for SQ, fragments, bulk data). */
    public byte[] encodedValue(int index) {
        Object v = values[index];
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof String[] s) {
            return encodeStrings(s, vrs[index]);
        }
        return null;
    }

    private byte[] encodeStrings(String[] s, VR vr) {
        if (s.length == 0) {
            return Values.EMPTY_BYTES;
        }
        String joined = s.length == 1 ? s[0] : String.join("\\", s);
        byte[] b = vr.usesSpecificCharacterSet()
                ? specificCharacterSet().encode(joined, vr == VR.PN)
                : joined.getBytes(StandardCharsets.ISO_8859_1);
        if ((b.length & 1) != 0) {
            b = Arrays.copyOf(b, b.length + 1);
            b[b.length - 1] = vr.padding();
        }
        return b;
    }

    public Sequence getSequence(int tag) {
        return getValue(tag) instanceof Sequence s ? s : null;
    }

    /** Item {@code index} of sequence {@code tag}, or null. */
    public Attributes getItem(int tag, int index) {
        Sequence s = getSequence(tag);
        return s != null && index < s.size() ? s.get(index) : null;
    }

    public Fragments getFragments(int tag) {
        return getValue(tag) instanceof Fragments f ? f : null;
    }

    // ---------------------------------------------------------------- private elements

    /**
     * The actual tag of private element {@code tag} (its low byte is the element within the block) in the
     * block reserved by {@code creator}; with {@code reserve}, a free block is reserved when none is.
     * Returns -1 when the creator has no block and {@code reserve} is false.
     */
    public int privateTag(String creator, int tag, boolean reserve) {
        int group = tag & 0xFFFF0000;
        int free = -1;
        for (int block = 0x10; block <= 0xFF; block++) {
            int creatorTag = group | block;
            int i = indexOf(creatorTag);
            if (i < 0) {
                if (free < 0) {
                    free = block;
                }
                continue;
            }
            String[] s = stringsAt(i, specificCharacterSet());
            if (s.length > 0 && s[0].equals(creator)) {
                return group | (block << 8) | (tag & 0xFF);
            }
        }
        if (!reserve || free < 0) {
            return -1;
        }
        setString(group | free, VR.LO, creator);
        return group | (free << 8) | (tag & 0xFF);
    }

    /** The creator that reserved the block of private element {@code tag}, or null. */
    public String privateCreatorOf(int tag) {
        return Tags.isPrivate(tag) && !Tags.isPrivateCreator(tag) ? getString(Tags.creatorOf(tag)) : null;
    }

    public String getString(String creator, int tag) {
        int t = privateTag(creator, tag, false);
        return t < 0 ? null : getString(t);
    }

    public void setString(String creator, int tag, VR vr, String... value) {
        setString(privateTag(creator, tag, true), vr, value);
    }

    // ---------------------------------------------------------------- nested access, merging

    /** The element a {@link TagPath} names, resolved through the sequence items on its way; null if absent. */
    public Object getValue(TagPath path) {
        Attributes item = path.parentIn(this, false);
        return item == null ? null : item.getValue(path.lastTag());
    }

    public String getString(TagPath path) {
        Attributes item = path.parentIn(this, false);
        return item == null ? null : item.getString(path.lastTag());
    }

    /** Sets a string through a path, creating the sequences and items on its way. */
    public void setString(TagPath path, VR vr, String... value) {
        path.parentIn(this, true).setString(path.lastTag(), vr, value);
    }

    /** Copies every element of {@code other} into this data set, replacing elements with the same tag. */
    public void addAll(Attributes other) {
        addSelected(other, null);
    }

    /** Copies the given tags (all when null) of {@code other}, deep-copying sequences. */
    public void addSelected(Attributes other, int[] selection) {
        boolean swap = other.bigEndian != bigEndian;
        for (int i = 0; i < other.size; i++) {
            int tag = other.tags[i];
            if (selection != null && !containsTag(selection, tag)) {
                continue;
            }
            VR vr = other.vrs[i];
            Object v = other.values[i];
            if (v instanceof Sequence seq) {
                Sequence copy = newSequence(tag, vr, seq.isUndefinedLength());
                for (Attributes item : seq) {
                    Attributes c = copy.addItem();
                    c.undefinedLength = item.undefinedLength;
                    c.addAll(item);
                }
            } else if (v instanceof byte[] b) {
                byte[] c = b.clone();
                setValue(tag, vr, swap ? Values.swap(c, 0, c.length, vr.swapUnit()) : c);
            } else if (v instanceof String[] s) {
                setValue(tag, vr, s.clone());
            } else {
                setValue(tag, vr, v);
            }
        }
    }

    /** Keeps the values of this data set and adds only the elements it lacks from {@code other}. */
    public void addMissing(Attributes other) {
        for (int i = 0; i < other.size; i++) {
            if (!contains(other.tags[i])) {
                addSelected(other, new int[] {other.tags[i]});
            }
        }
    }

    private static boolean containsTag(int[] selection, int tag) {
        for (int t : selection) {
            if (t == tag) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- identity

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Attributes other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (tags[i] != other.tags[i] || !valueEquals(i, other)) {
                return false;
            }
        }
        return true;
    }

    private boolean valueEquals(int i, Attributes other) {
        Object a = values[i];
        Object b = other.values[i];
        if (a instanceof Sequence || a instanceof Fragments || a instanceof BulkData
                || b instanceof Sequence || b instanceof Fragments || b instanceof BulkData) {
            return Objects.equals(a, b);
        }
        VR vr = vrs[i];
        if (vr.isString() && other.vrs[i].isString()) {
            return Arrays.equals(stringsAt(i, specificCharacterSet()),
                    other.stringsAt(i, other.specificCharacterSet()));
        }
        byte[] x = encodedValue(i);
        byte[] y = other.encodedValue(i);
        // OB here may be OW there (8-bit pixel data): the other side's words are what need swapping
        int unit = Math.max(vr.swapUnit(), other.vrs[i].swapUnit());
        if (bigEndian != other.bigEndian && unit > 1) {
            y = Values.swap(y.clone(), 0, y.length, unit);
        }
        return Arrays.equals(x, y);
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = 31 * h + tags[i];
        }
        return h;
    }

    /** A short dcmdump-like listing (values abbreviated). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            sb.append(Tags.toString(tags[i])).append(' ').append(vrs[i]).append(' ');
            Object v = values[i];
            if (v instanceof byte[] || v instanceof String[]) {
                String s = String.join("\\", stringsAt(i, specificCharacterSet()));
                sb.append('[').append(s.length() > 64 ? s.substring(0, 64) + "..." : s).append(']');
            } else {
                sb.append(v);
            }
            sb.append(' ').append(ElementDictionary.keywordOf(tags[i])).append('\n');
        }
        return sb.toString();
    }
}
