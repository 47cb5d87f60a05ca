package org.beaconpacs.dicom.io;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.data.Fragments;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.Tags;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.data.Values;
import org.beaconpacs.dicom.dict.Tag;

/**
 * Writes data sets (PS3.5 section 7) in any native transfer syntax, and Part 10 files.
 *
 * <p>Values are padded to even length with their VR's padding byte; binary values are byte-swapped
 * when the data set's byte order differs from the transfer syntax's (this is how a data set read as
 * Explicit VR Big Endian is written as Implicit VR Little Endian). Sequences and items keep the length
 * form they were read with unless {@link #setLengthEncoding} says otherwise, and group lengths
 * (gggg,0000) their value unless {@link #setGroupLengths} says otherwise.
 */
public final class DicomWriter implements Closeable, Flushable {

    /** How sequences and items state their length. */
    public enum LengthEncoding {
        /** As recorded when read (or undefined for sequences built in memory). */
        AS_READ,
        /** Undefined length with delimitation items. */
        UNDEFINED,
        /** Defined lengths, computed before writing. */
        DEFINED
    }

    /** What happens to group length elements (gggg,0000) of groups other than 0000 and 0002 (retired, PS3.5 7.2). */
    public enum GroupLengths {
        /** Written with the value read: byte-exact when the encoding does not change. */
        KEEP,
        /** Recomputed for the encoding being written: use this when converting between transfer syntaxes. */
        RECALCULATE,
        /** Left out. */
        REMOVE
    }

    private static final int BUFFER_SIZE = 64 * 1024;

    private OutputStream out;
    private final byte[] buf;
    private int count;
    private boolean explicitVR = true;
    private boolean bigEndian;
    private LengthEncoding lengthEncoding = LengthEncoding.AS_READ;
    private int deflateLevel = Deflater.DEFAULT_COMPRESSION;
    private GroupLengths groupLengths = GroupLengths.KEEP;

    public DicomWriter(OutputStream out) {
        this(out, BUFFER_SIZE);
    }

    /** A writer with its own buffer size: small for command sets, the default 64 KiB for data sets. */
    public DicomWriter(OutputStream out, int bufferSize) {
        this.out = out;
        this.buf = new byte[Math.max(bufferSize, 16)];
    }

    public DicomWriter setLengthEncoding(LengthEncoding lengthEncoding) {
        this.lengthEncoding = lengthEncoding;
        return this;
    }

    public DicomWriter setGroupLengths(GroupLengths groupLengths) {
        this.groupLengths = groupLengths;
        return this;
    }

    public DicomWriter setDeflateLevel(int level) {
        this.deflateLevel = level;
        return this;
    }

    /** Encoding of what follows; {@link #writeDataset} sets it itself. */
    public void setTransferSyntax(TransferSyntax ts) {
        this.explicitVR = ts.explicitVR();
        this.bigEndian = ts.bigEndian();
    }

    // ---------------------------------------------------------------- Part 10

    /** Writes the 128-byte preamble, "DICM" and the meta group with a correct group length. */
    public void writeFileMetaInformation(Attributes fmi) throws IOException {
        ensure(132);
        java.util.Arrays.fill(buf, count, count + 128, (byte) 0);
        count += 128;
        buf[count++] = 'D';
        buf[count++] = 'I';
        buf[count++] = 'C';
        buf[count++] = 'M';
        explicitVR = true;
        bigEndian = false;
        long groupLength = 0;
        for (int i = 0; i < fmi.size(); i++) {
            if (fmi.tagAt(i) != Tag.FileMetaInformationGroupLength && fmi.tagAt(i) >>> 16 == 0x0002) {
                groupLength += elementLength(fmi, i);
            }
        }
        writeHeader(Tag.FileMetaInformationGroupLength, VR.UL, 4);
        writeInt32((int) groupLength);
        for (int i = 0; i < fmi.size(); i++) {
            if (fmi.tagAt(i) != Tag.FileMetaInformationGroupLength && fmi.tagAt(i) >>> 16 == 0x0002) {
                writeElement(fmi, i);
            }
        }
    }

    /** Writes a whole Part 10 file: meta information, then the data set in the syntax the meta names. */
    public void writeFile(Attributes fmi, Attributes dataset) throws IOException {
        String tsuid = fmi.getString(Tag.TransferSyntaxUID);
        if (tsuid == null) {
            throw new IllegalArgumentException("File Meta Information lacks (0002,0010) Transfer Syntax UID");
        }
        writeFileMetaInformation(fmi);
        writeDataset(dataset, TransferSyntax.of(tsuid));
    }

    // ---------------------------------------------------------------- data sets

    /** Writes {@code dataset} (minus any meta group) in {@code ts}; a deflated syntax is finished here. */
    public void writeDataset(Attributes dataset, TransferSyntax ts) throws IOException {
        setTransferSyntax(ts);
        OutputStream plain = out;
        DeflaterOutputStream deflating = null;
        long[] deflatedBytes = {0};
        if (ts.deflated()) {
            flushBuffer();
            OutputStream counting = new java.io.FilterOutputStream(plain) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    deflatedBytes[0] += len;
                    out.write(b, off, len);
                }

                @Override
                public void write(int b) throws IOException {
                    deflatedBytes[0]++;
                    out.write(b);
                }
            };
            deflating = new DeflaterOutputStream(counting, new Deflater(deflateLevel, true), 16 * 1024);
            out = deflating;
        }
        try {
            for (int i = 0; i < dataset.size(); i++) {
                if (dataset.tagAt(i) >>> 16 != 0x0002) {
                    writeElement(dataset, i);
                }
            }
            if (deflating != null) {
                flushBuffer();
                deflating.finish();
                if ((deflatedBytes[0] & 1) != 0) {
                    plain.write(0); // PS3.5 A.5: an odd deflated stream gets a trailing NUL
                }
            }
        } finally {
            out = plain;
        }
    }

    /** Writes element {@code i} of {@code attrs} with its header. */
    public void writeElement(Attributes attrs, int i) throws IOException {
        int tag = attrs.tagAt(i);
        VR vr = bytePixels(attrs, tag, attrs.vrAt(i));
        Object value = attrs.valueAt(i);
        if (value instanceof Sequence seq) {
            writeSequence(tag, vr, seq);
        } else if (value instanceof Fragments fragments) {
            writeFragments(tag, fragments);
        } else if (value instanceof BulkData bulk) {
            long len = bulk.length() + (bulk.length() & 1);
            writeHeader(tag, writtenVr(vr, len), len);
            writeBulk(bulk, vr.swapUnit());
            if ((bulk.length() & 1) != 0) {
                writeByte(vr.padding());
            }
        } else if (isDatasetGroupLength(tag) && groupLengths == GroupLengths.REMOVE) {
            return;
        } else if (isDatasetGroupLength(tag) && groupLengths == GroupLengths.RECALCULATE && vr == VR.UL) {
            writeHeader(tag, VR.UL, 4);
            writeInt32((int) groupLength(attrs, i));
        } else {
            byte[] b = attrs.encodedValue(i);
            int len = b.length + (b.length & 1);
            writeHeader(tag, writtenVr(vr, len), len);
            writeValue(b, vr.swapUnit(), attrs.isBigEndian());
            if ((b.length & 1) != 0) {
                writeByte(vr.padding());
            }
        }
    }

    /**
     * Pixel Data of up to 8 bits allocated read as OW (Implicit VR Little Endian has only OW, PS3.5 A.1) is
     * OB in Explicit VR Big Endian (PS3.5 A.3): its bytes are samples, not words to swap.
     */
    private VR bytePixels(Attributes attrs, int tag, VR vr) {
        if (tag != Tag.PixelData || vr != VR.OW || !bigEndian || !explicitVR) {
            return vr;
        }
        try {
            return attrs.getInt(Tag.BitsAllocated, 16) <= 8 ? VR.OB : vr;
        } catch (NumberFormatException garbled) {
            return vr;
        }
    }

    private static boolean isDatasetGroupLength(int tag) {
        return Tags.isGroupLength(tag) && tag >>> 16 != 0x0000 && tag >>> 16 != 0x0002;
    }

    /** A value too long for its VR's 2-byte length field can only travel as UN (PS3.5 6.2.2). */
    private VR writtenVr(VR vr, long len) {
        return explicitVR && !vr.hasLongLength() && len > 0xFFFF ? VR.UN : vr;
    }

    private void writeValue(byte[] b, int swapUnit, boolean valueBigEndian) throws IOException {
        if (swapUnit > 1 && valueBigEndian != bigEndian) {
            byte[] swapped = b.clone();
            write(Values.swap(swapped, 0, swapped.length, swapUnit), 0, swapped.length);
        } else {
            write(b, 0, b.length);
        }
    }

    private void writeBulk(BulkData bulk, int swapUnit) throws IOException {
        if (swapUnit <= 1 || bulk.bigEndian() == bigEndian) {
            flushBuffer();
            bulk.transferTo(out);
            return;
        }
        byte[] chunk = new byte[Math.max(buf.length, 8192)];
        try (InputStream in = bulk.openStream()) {
            int n;
            while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                write(Values.swap(chunk, 0, n, swapUnit), 0, n);
            }
        }
    }

    private void writeSequence(int tag, VR vr, Sequence seq) throws IOException {
        boolean undefined = undefined(seq.isUndefinedLength());
        // An explicit-VR UN sequence carries its items in Implicit VR Little Endian (PS3.5 6.2.2).
        boolean implicitItems = vr == VR.UN && explicitVR;
        writeHeader(tag, vr, undefined ? -1 : sequenceContentLength(seq, implicitItems ? false : explicitVR));
        boolean savedExplicit = explicitVR;
        boolean savedBigEndian = bigEndian;
        if (implicitItems) {
            explicitVR = false;
            bigEndian = false;
        }
        try {
            for (Attributes item : seq) {
                boolean itemUndefined = undefined(item.isUndefinedLength());
                writeItemHeader(Tags.ITEM, itemUndefined ? -1 : datasetLength(item, explicitVR));
                for (int i = 0; i < item.size(); i++) {
                    writeElement(item, i);
                }
                if (itemUndefined) {
                    writeItemHeader(Tags.ITEM_DELIMITATION, 0);
                }
            }
        } finally {
            explicitVR = savedExplicit;
            bigEndian = savedBigEndian;
        }
        if (undefined) {
            writeItemHeader(Tags.SEQUENCE_DELIMITATION, 0);
        }
    }

    private boolean undefined(boolean asRead) {
        return switch (lengthEncoding) {
            case AS_READ -> asRead;
            case UNDEFINED -> true;
            case DEFINED -> false;
        };
    }

    private void writeFragments(int tag, Fragments fragments) throws IOException {
        writeHeader(tag, fragments.vr(), -1);
        for (Object f : fragments.items()) {
            if (f instanceof byte[] b) {
                writeItemHeader(Tags.ITEM, b.length + (b.length & 1));
                write(b, 0, b.length);
                if ((b.length & 1) != 0) {
                    writeByte((byte) 0);
                }
            } else {
                BulkData bulk = (BulkData) f;
                writeItemHeader(Tags.ITEM, bulk.length() + (bulk.length() & 1));
                flushBuffer();
                bulk.transferTo(out);
                if ((bulk.length() & 1) != 0) {
                    writeByte((byte) 0);
                }
            }
        }
        writeItemHeader(Tags.SEQUENCE_DELIMITATION, 0);
    }

    // ---------------------------------------------------------------- lengths

    /** Encoded length of a whole data set (items' content) in the current byte order and given VR form. */
    public long datasetLength(Attributes attrs, boolean explicit) {
        boolean saved = explicitVR;
        explicitVR = explicit;
        try {
            long sum = 0;
            for (int i = 0; i < attrs.size(); i++) {
                sum += elementLength(attrs, i);
            }
            return sum;
        } finally {
            explicitVR = saved;
        }
    }

    private long elementLength(Attributes attrs, int i) {
        VR vr = attrs.vrAt(i);
        Object value = attrs.valueAt(i);
        if (value instanceof Sequence seq) {
            boolean implicitItems = vr == VR.UN && explicitVR;
            long content = sequenceContentLength(seq, implicitItems ? false : explicitVR);
            return headerLength(vr) + content + (undefined(seq.isUndefinedLength()) ? 8 : 0);
        }
        if (value instanceof Fragments fragments) {
            long sum = headerLength(fragments.vr()) + 8;
            for (int k = 0; k < fragments.size(); k++) {
                long len = fragments.length(k);
                sum += 8 + len + (len & 1);
            }
            return sum;
        }
        long len;
        if (isDatasetGroupLength(attrs.tagAt(i)) && groupLengths == GroupLengths.REMOVE) {
            return 0;
        } else if (value instanceof BulkData bulk) {
            len = bulk.length();
        } else if (isDatasetGroupLength(attrs.tagAt(i)) && groupLengths == GroupLengths.RECALCULATE && vr == VR.UL) {
            len = 4;
        } else {
            len = attrs.encodedValue(i).length;
        }
        len += len & 1;
        return headerLength(writtenVr(vr, len)) + len;
    }

    private long sequenceContentLength(Sequence seq, boolean explicitItems) {
        long sum = 0;
        for (Attributes item : seq) {
            sum += 8 + datasetLength(item, explicitItems) + (undefined(item.isUndefinedLength()) ? 8 : 0);
        }
        return sum;
    }

    private long groupLength(Attributes attrs, int index) {
        int group = attrs.tagAt(index) >>> 16;
        long sum = 0;
        for (int i = index + 1; i < attrs.size() && attrs.tagAt(i) >>> 16 == group; i++) {
            sum += elementLength(attrs, i);
        }
        return sum;
    }

    private int headerLength(VR vr) {
        return explicitVR && vr.hasLongLength() ? 12 : 8;
    }

    // ---------------------------------------------------------------- primitives

    /** Writes an element header; {@code length} -1 means undefined length. */
    public void writeHeader(int tag, VR vr, long length) throws IOException {
        ensure(12);
        putInt16(tag >>> 16);
        putInt16(tag);
        int len = length < 0 ? -1 : (int) length;
        if (!explicitVR) {
            putInt32(len);
        } else if (vr.hasLongLength()) {
            buf[count++] = (byte) (vr.code() >> 8);
            buf[count++] = (byte) vr.code();
            buf[count++] = 0;
            buf[count++] = 0;
            putInt32(len);
        } else {
            buf[count++] = (byte) (vr.code() >> 8);
            buf[count++] = (byte) vr.code();
            putInt16(len);
        }
    }

    /** Writes an Item, Item Delimitation or Sequence Delimitation header (no VR in any syntax). */
    public void writeItemHeader(int tag, long length) throws IOException {
        ensure(8);
        putInt16(tag >>> 16);
        putInt16(tag);
        putInt32(length < 0 ? -1 : (int) length);
    }

    private void writeInt32(int v) throws IOException {
        ensure(4);
        putInt32(v);
    }

    private void putInt16(int v) {
        Values.putInt16(buf, count, v, bigEndian);
        count += 2;
    }

    private void putInt32(int v) {
        Values.putInt32(buf, count, v, bigEndian);
        count += 4;
    }

    private void writeByte(byte b) throws IOException {
        ensure(1);
        buf[count++] = b;
    }

    public void write(byte[] b, int off, int len) throws IOException {
        if (len >= buf.length) {
            flushBuffer();
            out.write(b, off, len);
            return;
        }
        ensure(len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /** Copies exactly {@code length} bytes of {@code in} (a value streamed from elsewhere). */
    public void write(InputStream in, long length) throws IOException {
        long left = length;
        while (left > 0) {
            if (count == buf.length) {
                flushBuffer();
            }
            int n = in.read(buf, count, (int) Math.min(left, buf.length - count));
            if (n < 0) {
                throw new IOException("value stream ended " + left + " bytes early");
            }
            count += n;
            left -= n;
        }
    }

    private void ensure(int n) throws IOException {
        if (buf.length - count < n) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flushBuffer();
        } finally {
            out.close();
        }
    }
}
