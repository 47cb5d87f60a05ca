package org.beaconpacs.dicom.io;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.data.Fragments;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.Tags;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.data.Values;
import org.beaconpacs.dicom.dict.ElementDictionary;
import org.beaconpacs.dicom.dict.PrivateDictionary;
import org.beaconpacs.dicom.dict.Tag;

/**
 * Streaming reader of DICOM data sets (PS3.5 section 7) and Part 10 files (PS3.10 section 7).
 *
 * <p>Reads through its own buffer, so a header costs a few array reads. Every length is checked before
 * anything is allocated: against the bytes left when the size of the input is known (files), against
 * {@link #setMaxValueLength} for values read into memory, and memory for a value grows only as its
 * bytes actually arrive, so a lying length in a short stream ends in a {@link DicomParseException},
 * never an OutOfMemoryError. Nesting deeper than {@link #setMaxNesting} is refused.
 *
 * <p>Large values can stay where they are: with {@link #setBulkDataThreshold} a reader opened on a file
 * records values at least that long as {@link BulkData} references instead of loading them.
 */
public final class DicomReader implements Closeable {

    private static final int BUFFER_SIZE = 64 * 1024;
    /** Above this a value read from a stream of unknown size grows chunk by chunk as its bytes arrive. */
    private static final int EAGER_ALLOCATION_LIMIT = 1 << 20;

    private InputStream in;
    private byte[] buf;
    private int pos;
    private int lim;
    /** Stream position of buf[0]. */
    private long bufStart;
    /** Total bytes of the input when known, else -1. */
    private long streamLength;
    private final Path file;
    private boolean inflated;

    private int maxNesting = 64;
    private long maxValueLength = 256L << 20;
    private long bulkDataThreshold = -1;

    private TransferSyntax transferSyntax;
    private boolean explicitVR;
    private boolean bigEndian;

    private int tag;
    private VR vr;
    private long length;
    private long headerPosition;
    private int level;

    public DicomReader(InputStream in) {
        this(in, -1, null, BUFFER_SIZE);
    }

    /** A reader with its own buffer size: small for command sets and other short inputs. */
    public DicomReader(InputStream in, int bufferSize) {
        this(in, -1, null, bufferSize);
    }

    private DicomReader(InputStream in, long streamLength, Path file, int bufferSize) {
        this.buf = new byte[Math.max(bufferSize, 256)];
        this.in = in;
        this.streamLength = streamLength;
        this.file = file;
    }

    /** A reader of a file; it knows the file's size, which bounds every length it reads. */
    public static DicomReader open(Path file) throws IOException {
        return open(file, BUFFER_SIZE);
    }

    /** A reader of a file with its own buffer size: small to read no more than the meta group. */
    public static DicomReader open(Path file, int bufferSize) throws IOException {
        return new DicomReader(Files.newInputStream(file), Files.size(file), file, bufferSize);
    }

    // ---------------------------------------------------------------- settings

    /** Deepest sequence nesting accepted (default 64). */
    public DicomReader setMaxNesting(int maxNesting) {
        this.maxNesting = maxNesting;
        return this;
    }

    /** Longest value read into memory (default 256 MiB); longer ones need bulk data or a handler that streams. */
    public DicomReader setMaxValueLength(long maxValueLength) {
        this.maxValueLength = maxValueLength;
        return this;
    }

    /** Values of at least this many bytes become {@link BulkData} references (files only; -1: never). */
    public DicomReader setBulkDataThreshold(long threshold) {
        this.bulkDataThreshold = threshold;
        return this;
    }

    // ---------------------------------------------------------------- state of the current element

    public int tag() {
        return tag;
    }

    public VR vr() {
        return vr;
    }

    /** Value length of the current element, -1 for undefined length. */
    public long length() {
        return length;
    }

    /** 0 for elements of the top-level data set, 1 inside its sequences' items, ... */
    public int level() {
        return level;
    }

    /** Stream position of the next byte to read (inflated position after a deflated syntax switched on). */
    public long position() {
        return bufStart + pos;
    }

    /** Position of the current element's header. */
    public long headerPosition() {
        return headerPosition;
    }

    public TransferSyntax transferSyntax() {
        return transferSyntax;
    }

    // ---------------------------------------------------------------- Part 10

    /**
     * Reads the 128-byte preamble, "DICM" and the File Meta Information (always Explicit VR Little
     * Endian). Returns null, consuming nothing, if the input has no preamble (a bare data set).
     */
    public Attributes readFileMetaInformation() throws IOException {
        if (!fill(132) || buf[pos + 128] != 'D' || buf[pos + 129] != 'I' || buf[pos + 130] != 'C'
                || buf[pos + 131] != 'M') {
            return null;
        }
        pos += 132;
        setTransferSyntax(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Attributes fmi = new Attributes(false, 12);
        long end = -1;
        while (fill(8) && peekGroup() == 0x0002) {
            readHeader();
            if (tag == Tag.FileMetaInformationGroupLength && vr == VR.UL && length == 4) {
                readValue(fmi);
                end = position() + (Values.int32(fmi.getBytes(tag), 0, false) & 0xFFFFFFFFL);
                continue;
            }
            readValue(fmi);
            if (end >= 0 && position() >= end) {
                break;
            }
        }
        return fmi;
    }

    /** Group number of the next element, read little endian (the meta group's order). */
    private int peekGroup() {
        return (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
    }

    /**
     * Reads a Part 10 file or bare data set whole: meta information if present (its Transfer Syntax UID
     * decides the encoding; without it the encoding is guessed from the first bytes).
     */
    public DicomFile readFile() throws IOException {
        return readFile(DicomInputHandler.READ_ALL);
    }

    /** Like {@link #readFile()}, with a handler deciding about each element. */
    public DicomFile readFile(DicomInputHandler handler) throws IOException {
        Attributes fmi = readFileMetaInformation();
        String tsuid = fmi == null ? null : fmi.getString(Tag.TransferSyntaxUID);
        TransferSyntax ts = tsuid != null ? TransferSyntax.of(tsuid) : guessTransferSyntax();
        Attributes dataset = readDataset(ts, handler);
        return new DicomFile(fmi, dataset, ts);
    }

    /**
     * Guesses the encoding of a data set without meta information from its first element: explicit if
     * bytes 4-5 spell a VR, big endian if the group reads as a plausible big-endian group.
     */
    public TransferSyntax guessTransferSyntax() throws IOException {
        if (!fill(8)) {
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        int le = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
        int be = (buf[pos] & 0xFF) << 8 | (buf[pos + 1] & 0xFF);
        boolean explicit = VR.ofCode((buf[pos + 4] & 0xFF) << 8 | (buf[pos + 5] & 0xFF)) != null;
        boolean bigEndianGuess = be < le && be != 0;
        if (!explicit) {
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        return bigEndianGuess ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    }

    // ---------------------------------------------------------------- data sets

    /** Reads a whole data set of the given transfer syntax until the end of the input. */
    public Attributes readDataset(TransferSyntax ts) throws IOException {
        return readDataset(ts, DicomInputHandler.READ_ALL);
    }

    /**
     * Reads the top-level data set until an element with a tag at or above {@code stopTag} (its header
     * read, its value not: {@link #tag()} tells which) or the end of the input. Use
     * {@code Tag.PixelData} to index a file without touching its pixels.
     */
    public Attributes readDatasetUntil(TransferSyntax ts, int stopTag) throws IOException {
        return readDataset(ts, (reader, attrs) -> {
            if (reader.level() == 0 && Integer.compareUnsigned(reader.tag(), stopTag) >= 0) {
                return false;
            }
            reader.readValue(attrs);
            return true;
        });
    }

    /** Reads a data set of the given transfer syntax, handing each element to {@code handler}. */
    public Attributes readDataset(TransferSyntax ts, DicomInputHandler handler) throws IOException {
        setTransferSyntax(ts);
        if (ts.deflated()) {
            startInflating();
        }
        Attributes attrs = new Attributes(bigEndian, 64);
        readElements(attrs, -1, handler);
        return attrs;
    }

    /** Reads a data set of {@code length} bytes (e.g. a DIMSE data set whose size is known), or to the end if -1. */
    public Attributes readDataset(TransferSyntax ts, long length, DicomInputHandler handler) throws IOException {
        setTransferSyntax(ts);
        Attributes attrs = new Attributes(bigEndian, 64);
        readElements(attrs, length < 0 ? -1 : position() + length, handler);
        return attrs;
    }

    private void setTransferSyntax(TransferSyntax ts) {
        this.transferSyntax = ts;
        this.explicitVR = ts.explicitVR();
        this.bigEndian = ts.bigEndian();
    }

    /** Everything after the meta group is raw deflate (RFC 1951) of an Explicit VR Little Endian data set. */
    private void startInflating() {
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(buf, pos, lim - pos), in);
        in = new InflaterInputStream(rest, new Inflater(true), 16 * 1024);
        buf = new byte[BUFFER_SIZE];
        bufStart = 0;
        pos = 0;
        lim = 0;
        streamLength = -1;
        inflated = true;
    }

    /**
     * Reads elements into {@code attrs} until {@code end} (a stream position), or for end == -1 until an
     * Item Delimitation Item (inside an item) or the end of input (top level).
     *
     * @return false if the handler stopped the reading
     */
    private boolean readElements(Attributes attrs, long end, DicomInputHandler handler) throws IOException {
        while (end < 0 || position() < end) {
            if (end < 0 && level == 0 && !fill(1)) {
                return true; // the end of the top-level data set is the end of the input
            }
            readHeader();
            if (tag == Tags.ITEM_DELIMITATION) {
                if (level > 0 && end < 0) {
                    return true;
                }
                continue; // stray delimiter in a defined-length context: ignore it as other readers do
            }
            if (tag >>> 16 == 0xFFFE) {
                throw new DicomParseException(Tags.toString(tag) + " outside a sequence", headerPosition, tag);
            }
            if (!handler.element(this, attrs)) {
                return false;
            }
        }
        if (end >= 0 && position() > end) {
            throw new DicomParseException("element overruns the length of its item by " + (position() - end)
                    + " bytes", headerPosition, tag);
        }
        return true;
    }

    /** Reads the next element header: tag, VR (explicit or from the dictionary) and length. */
    public void readHeader() throws IOException {
        headerPosition = position();
        require(8);
        int group = uint16();
        int element = uint16();
        tag = (group << 16) | element;
        if (group == 0xFFFE) {
            vr = null;
            length = uint32();
            if (length == 0xFFFFFFFFL) {
                length = -1;
            }
            return;
        }
        if (explicitVR) {
            int code = (buf[pos] & 0xFF) << 8 | (buf[pos + 1] & 0xFF);
            vr = VR.ofCode(code);
            if (vr == null) {
                throw new DicomParseException(String.format("unknown VR 0x%04X", code), headerPosition, tag);
            }
            pos += 2;
            if (vr.hasLongLength()) {
                require(6);
                pos += 2;
                length = uint32();
            } else {
                length = uint16();
            }
        } else {
            length = uint32();
            vr = ElementDictionary.vrOf(tag);
        }
        if (length == 0xFFFFFFFFL) {
            length = -1;
        }
    }

    private int uint16() {
        int v = Values.uint16(buf, pos, bigEndian);
        pos += 2;
        return v;
    }

    private long uint32() {
        long v = Values.int32(buf, pos, bigEndian) & 0xFFFFFFFFL;
        pos += 4;
        return v;
    }

    // ---------------------------------------------------------------- values

    /** Reads the current element's value into {@code attrs}: bytes, a sequence, fragments or bulk data. */
    public void readValue(Attributes attrs) throws IOException {
        int t = tag;
        if (!explicitVR && (t >>> 16 & 1) == 1 && (t & 0xFF00) != 0 && vr == VR.UN) {
            // a private element in Implicit VR: its VR from the private dictionary, if its creator is there
            VR known = PrivateDictionary.vrOf(attrs.privateCreatorOf(t), t);
            if (known != null) {
                vr = known;
            }
        }
        if (isSequence()) {
            readSequence(attrs, t);
            return;
        }
        if (length == -1) {
            if (t != Tag.PixelData && vr != VR.OB && vr != VR.OW && vr != VR.UN) {
                throw new DicomParseException("undefined length for " + vr, headerPosition, t);
            }
            readFragments(attrs, t);
            return;
        }
        VR valueVr = implicitVr(attrs);
        checkRemaining(length);
        if (bulkDataThreshold >= 0 && length >= bulkDataThreshold && file != null && !inflated) {
            attrs.setBulkData(t, valueVr, new BulkData(file, position(), length, bigEndian));
            skip(length);
            return;
        }
        attrs.setValue(t, valueVr, readBytes(length));
    }

    /** Resolves VRs the dictionary gives as alternatives when the encoding did not say (implicit VR). */
    private VR implicitVr(Attributes attrs) {
        if (explicitVR) {
            return vr;
        }
        ElementDictionary.Entry e = ElementDictionary.entry(tag);
        if (e == null || e.vrs().length < 2) {
            return vr;
        }
        if (tag == Tag.PixelData) {
            return VR.OW; // PS3.5 A.1: in Implicit VR Little Endian, Pixel Data is OW whatever its Bits Allocated
        }
        for (VR alt : e.vrs()) {
            if (alt == VR.OW) {
                return VR.OW; // Pixel Data, overlays, LUT data: 16-bit words in implicit VR
            }
        }
        return intOf(attrs, Tag.PixelRepresentation, 0) == 1 ? VR.SS : VR.US;
    }

    /** The value of an image pixel attribute in this item or an enclosing one, for resolving implicit VRs. */
    private static int intOf(Attributes attrs, int tag, int defaultValue) {
        for (Attributes a = attrs; a != null; a = a.parent()) {
            if (a.contains(tag)) {
                try {
                    return a.getInt(tag, defaultValue);
                } catch (NumberFormatException garbled) {
                    return defaultValue; // a value too broken to read must not stop reading the rest
                }
            }
        }
        return defaultValue;
    }

    /** True if the current element holds items: SQ, or undefined length on anything but pixel data. */
    private boolean isSequence() {
        if (vr == VR.SQ) {
            return true;
        }
        return length == -1 && tag != Tag.PixelData && (vr == VR.UN || !explicitVR);
    }

    private void readSequence(Attributes attrs, int seqTag) throws IOException {
        if (level >= maxNesting) {
            throw new DicomParseException("sequences nested deeper than " + maxNesting, headerPosition, seqTag);
        }
        long seqLength = length;
        long end = seqLength == -1 ? -1 : position() + seqLength;
        if (end >= 0) {
            checkRemaining(seqLength);
        }
        // A UN sequence of undefined length is encoded in Implicit VR Little Endian (PS3.5 6.2.2 note)
        boolean unknownVr = vr == VR.UN;
        boolean savedExplicit = explicitVR;
        boolean savedBigEndian = bigEndian;
        if (unknownVr) {
            explicitVR = false;
            bigEndian = false;
        }
        // implicit VR: undefined length means a sequence whatever the dictionary says
        Sequence seq = attrs.newSequence(seqTag, unknownVr && savedExplicit ? VR.UN : VR.SQ, seqLength == -1);
        level++;
        try {
            while (end < 0 || position() < end) {
                readHeader();
                if (tag == Tags.SEQUENCE_DELIMITATION) {
                    if (end < 0) {
                        break;
                    }
                    continue; // tolerated inside a defined-length sequence
                }
                if (tag != Tags.ITEM) {
                    throw new DicomParseException("expected an item in the sequence, found " + Tags.toString(tag),
                            headerPosition, seqTag);
                }
                Attributes item = seq.addItem();
                item.setUndefinedLength(length == -1);
                long itemEnd = length == -1 ? -1 : position() + length;
                if (itemEnd >= 0) {
                    checkRemaining(length);
                }
                readElements(item, itemEnd, DicomInputHandler.READ_ALL);
            }
            if (end >= 0 && position() != end) {
                throw new DicomParseException("items overrun the sequence length", position(), seqTag);
            }
        } finally {
            level--;
            explicitVR = savedExplicit;
            bigEndian = savedBigEndian;
        }
        tag = seqTag;
    }

    private void readFragments(Attributes attrs, int pixelTag) throws IOException {
        VR fragmentsVr = vr == VR.UN || !explicitVR ? VR.OB : vr;
        Fragments fragments = attrs.newFragments(pixelTag, fragmentsVr);
        while (true) {
            readHeader();
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                break;
            }
            if (tag != Tags.ITEM || length == -1) {
                throw new DicomParseException("expected a fragment item, found " + Tags.toString(tag),
                        headerPosition, pixelTag);
            }
            checkRemaining(length);
            if (bulkDataThreshold >= 0 && length >= bulkDataThreshold && file != null && !inflated) {
                fragments.add(new BulkData(file, position(), length, false));
                skip(length);
            } else {
                fragments.add(readBytes(length));
            }
        }
        tag = pixelTag;
    }

    /** Skips the current element's value, sequences and fragments included. */
    public void skipValue() throws IOException {
        if (length >= 0) {
            checkRemaining(length);
            skip(length);
            return;
        }
        Attributes scratch = new Attributes(bigEndian, 0);
        long saved = bulkDataThreshold;
        bulkDataThreshold = file != null && !inflated ? 0 : bulkDataThreshold;
        try {
            readValue(scratch); // undefined length: walk the items (large fragments become cheap references)
        } finally {
            bulkDataThreshold = saved;
        }
    }

    /**
     * Copies the current element's value bytes, as encoded, to {@code out} without holding it in memory;
     * for undefined length (encapsulated pixel data) the items and the delimiter are copied as well.
     * Returns the number of bytes copied.
     */
    public long copyValue(OutputStream out) throws IOException {
        if (length >= 0) {
            checkRemaining(length);
            copy(out, length);
            return length;
        }
        int valueTag = tag;
        long copied = 0;
        while (true) {
            long start = position();
            readHeader();
            out.write(buf, pos - 8, 8);
            copied += 8;
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                break;
            }
            if (tag != Tags.ITEM || length == -1) {
                throw new DicomParseException("expected a fragment item", start, valueTag);
            }
            checkRemaining(length);
            copy(out, length);
            copied += length;
        }
        tag = valueTag;
        return copied;
    }

    private void copy(OutputStream out, long n) throws IOException {
        while (n > 0) {
            if (pos == lim && !fillSome()) {
                throw truncated(n);
            }
            int chunk = (int) Math.min(n, lim - pos);
            out.write(buf, pos, chunk);
            pos += chunk;
            n -= chunk;
        }
    }

    /** Reads {@code n} value bytes; memory grows with the bytes that actually arrive. */
    private byte[] readBytes(long n) throws IOException {
        if (n > maxValueLength) {
            throw new DicomParseException("value of " + n + " bytes exceeds the limit of " + maxValueLength
                    + " bytes for values read into memory", headerPosition, tag);
        }
        int len = (int) n;
        if (len == 0) {
            return Values.EMPTY_BYTES;
        }
        byte[] b = new byte[streamLength >= 0 ? len : Math.min(len, EAGER_ALLOCATION_LIMIT)];
        int filled = 0;
        while (filled < len) {
            if (filled == b.length) {
                b = Arrays.copyOf(b, (int) Math.min(len, (long) b.length * 2));
            }
            if (pos == lim && b.length - filled >= buf.length) {
                // large values go straight into their array, not through the buffer: one copy less
                int r = read(b, filled, b.length - filled);
                if (r < 0) {
                    throw truncated(len - filled);
                }
                bufStart += r;
                filled += r;
                continue;
            }
            if (pos == lim && !fillSome()) {
                throw truncated(len - filled);
            }
            int chunk = Math.min(b.length - filled, lim - pos);
            System.arraycopy(buf, pos, b, filled, chunk);
            pos += chunk;
            filled += chunk;
        }
        return b;
    }

    private void checkRemaining(long n) throws DicomParseException {
        if (n < 0) {
            return;
        }
        if (streamLength >= 0 && n > streamLength - position()) {
            throw new DicomParseException("declared length " + n + " exceeds the " + (streamLength - position())
                    + " bytes remaining", headerPosition, tag);
        }
    }

    private void skip(long n) throws IOException {
        int inBuf = (int) Math.min(n, lim - pos);
        pos += inBuf;
        n -= inBuf;
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw truncated(n);
                }
                skipped = 1;
            }
            bufStart += skipped;
            n -= skipped;
        }
    }

    private DicomParseException truncated(long missing) {
        return new DicomParseException("input ends " + missing + " bytes before the end of the value",
                position(), tag);
    }

    /** Ensures {@code n} bytes are buffered or fails as a truncated stream. */
    private void require(int n) throws IOException {
        if (!fill(n)) {
            throw new DicomParseException(lim - pos == 0 ? "unexpected end of input" : "truncated element header",
                    position(), lim - pos >= 4 ? (Values.uint16(buf, pos, bigEndian) << 16)
                    | Values.uint16(buf, pos + 2, bigEndian) : -1);
        }
    }

    /** Tries to have {@code n} bytes buffered; false at end of input. */
    private boolean fill(int n) throws IOException {
        if (lim - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            bufStart += pos;
            lim -= pos;
            pos = 0;
        }
        while (lim < n) {
            int r = read(buf, lim, buf.length - lim);
            if (r < 0) {
                return false;
            }
            lim += r;
        }
        return true;
    }

    /** Refills an empty buffer with whatever is available; false at end of input. */
    private boolean fillSome() throws IOException {
        bufStart += lim;
        pos = 0;
        lim = 0;
        int r;
        do {
            r = read(buf, 0, buf.length);
        } while (r == 0);
        if (r < 0) {
            return false;
        }
        lim = r;
        return true;
    }

    private int read(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (java.util.zip.ZipException | EOFException e) {
            if (!inflated) {
                throw e;
            }
            throw new DicomParseException("corrupt or truncated deflated data: " + e.getMessage(), position(), tag, e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
