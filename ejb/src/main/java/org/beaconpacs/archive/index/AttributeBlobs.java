package org.beaconpacs.archive.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.data.Fragments;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.TransferSyntax;

/**
 * The attributes of an instance split by level and encoded for the index: Explicit VR Little Endian,
 * without bulk data (values left in the file, pixel data), each level with the Specific Character Set
 * so that its strings decode on their own.
 */
public final class AttributeBlobs {

    private AttributeBlobs() {
    }

    /** {@code dataset} split by level, bulk data left out. */
    public static Map<Level, Attributes> split(Attributes dataset) {
        return split(dataset, EnumSet.allOf(Level.class));
    }

    /** The attributes of one level of {@code dataset}, bulk data left out. */
    public static Attributes level(Attributes dataset, Level level) {
        return split(dataset, EnumSet.of(level)).get(level);
    }

    private static Map<Level, Attributes> split(Attributes dataset, Set<Level> wanted) {
        Map<Level, Attributes> levels = new EnumMap<>(Level.class);
        for (Level l : wanted) {
            levels.put(l, new Attributes());
        }
        String charset = dataset.getString(Tag.SpecificCharacterSet);
        for (int i = 0; i < dataset.size(); i++) {
            int tag = dataset.tagAt(i);
            if (tag == Tag.SpecificCharacterSet || isBulk(dataset.valueAt(i))) {
                continue;
            }
            Attributes target = levels.get(Level.of(tag));
            if (target == null) {
                continue; // a level not asked for
            }
            Object value = dataset.valueAt(i);
            if (value instanceof Sequence seq) {
                Sequence copy = target.newSequence(tag, dataset.vrAt(i), seq.isUndefinedLength());
                for (Attributes item : seq) {
                    copy.add(withoutBulkData(item));
                }
            } else {
                target.setValue(tag, dataset.vrAt(i), value);
            }
        }
        if (charset != null) {
            for (Attributes a : levels.values()) {
                a.setString(Tag.SpecificCharacterSet, org.beaconpacs.dicom.data.VR.CS,
                        dataset.getStrings(Tag.SpecificCharacterSet));
            }
        }
        return levels;
    }

    private static boolean isBulk(Object value) {
        return value instanceof BulkData || value instanceof Fragments;
    }

    private static Attributes withoutBulkData(Attributes item) {
        Attributes copy = new Attributes();
        for (int i = 0; i < item.size(); i++) {
            Object value = item.valueAt(i);
            if (isBulk(value)) {
                continue;
            }
            if (value instanceof Sequence seq) {
                Sequence s = copy.newSequence(item.tagAt(i), item.vrAt(i), seq.isUndefinedLength());
                for (Attributes nested : seq) {
                    s.add(withoutBulkData(nested));
                }
            } else {
                copy.setValue(item.tagAt(i), item.vrAt(i), value);
            }
        }
        return copy;
    }

    public static byte[] encode(Attributes attrs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (DicomWriter w = new DicomWriter(out, 2048)) { // blobs are small: no 64 KiB buffer for each
            w.writeDataset(attrs, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static Attributes decode(byte[] blob) {
        if (blob == null) {
            return new Attributes();
        }
        // a buffer the size of the blob: a query decodes thousands of them
        try (DicomReader r = new DicomReader(new ByteArrayInputStream(blob), blob.length)) {
            return r.readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
