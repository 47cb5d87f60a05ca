package org.beaconpacs.archive.dicomweb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beaconpacs.archive.index.Level;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.ElementDictionary;
import org.beaconpacs.dicom.dict.Tag;

/**
 * The query parameters of a QIDO-RS search (PS3.18 8.3.4, 10.6.1.2) as a C-FIND identifier: attribute
 * matching by keyword or tag (a sequence's attribute as {@code Sequence.Attribute}), {@code includefield}
 * (a list, or {@code all}), {@code limit}, {@code offset} and {@code fuzzymatching}; the level's default
 * return attributes (PS3.18 Table 10.6.3-3 to -5), those of the levels above when the path names none.
 *
 * @param identifier the keys, with Query/Retrieve Level
 * @param all {@code includefield=all}
 * @param fuzzy {@code fuzzymatching}: true, false, or null when not given (the archive's setting)
 */
public record QidoParameters(Attributes identifier, boolean all, int limit, int offset, Boolean fuzzy) {

    private static final Set<String> RESERVED = Set.of("includefield", "limit", "offset", "fuzzymatching",
            "emptyvaluematching", "multiplevaluematching", "includedefaults");

    static final int[] STUDY_DEFAULTS = {Tag.StudyDate, Tag.StudyTime, Tag.AccessionNumber, Tag.ModalitiesInStudy,
        Tag.ReferringPhysicianName, Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate, Tag.PatientSex,
        Tag.StudyInstanceUID, Tag.StudyID, Tag.StudyDescription, Tag.NumberOfStudyRelatedSeries,
        Tag.NumberOfStudyRelatedInstances};
    static final int[] SERIES_DEFAULTS = {Tag.Modality, Tag.SeriesDescription, Tag.SeriesNumber,
        Tag.SeriesInstanceUID, Tag.NumberOfSeriesRelatedInstances, Tag.PerformedProcedureStepStartDate,
        Tag.PerformedProcedureStepStartTime};
    static final int[] INSTANCE_DEFAULTS = {Tag.SOPClassUID, Tag.SOPInstanceUID, Tag.InstanceNumber, Tag.Rows,
        Tag.Columns, Tag.BitsAllocated, Tag.NumberOfFrames};

    /**
     * @param level what is searched for
     * @param study the study of the path ({@code /studies/{study}/...}), or null
     * @param series the series of the path, or null
     * @param maxLimit the most matches a search answers
     */
    public static QidoParameters of(Map<String, List<String>> params, Level level, String study, String series,
                                    int maxLimit) {
        Attributes id = new Attributes();
        id.setString(Tag.QueryRetrieveLevel, VR.CS, switch (level) {
            case STUDY -> "STUDY";
            case SERIES -> "SERIES";
            default -> "IMAGE";
        });
        defaults(id, level, study == null, series == null);
        boolean all = false;
        int limit = maxLimit;
        int offset = 0;
        Boolean fuzzy = null;
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            String name = p.getKey();
            List<String> values = p.getValue();
            switch (name) {
                case "includefield" -> {
                    for (String v : values) {
                        for (String path : v.split(",")) {
                            if (path.strip().equals("all")) {
                                all = true;
                            } else if (!path.isBlank()) {
                                key(id, path.strip(), null);
                            }
                        }
                    }
                }
                case "limit" -> limit = Math.min(number(name, values), maxLimit);
                case "offset" -> offset = number(name, values);
                case "fuzzymatching" -> fuzzy = bool(name, values);
                default -> {
                    if (RESERVED.contains(name)) {
                        continue; // accepted, the defaults of PS3.18 apply
                    }
                    if (values.size() != 1) {
                        throw new InvalidParameterException(name + " is given " + values.size() + " times");
                    }
                    key(id, name, values.get(0));
                }
            }
        }
        if (study != null) {
            id.setString(Tag.StudyInstanceUID, VR.UI, study);
        }
        if (series != null) {
            id.setString(Tag.SeriesInstanceUID, VR.UI, series);
        }
        return new QidoParameters(id, all, limit, offset, fuzzy);
    }

    private static void defaults(Attributes id, Level level, boolean studyOpen, boolean seriesOpen) {
        List<int[]> sets = new ArrayList<>();
        if (level == Level.STUDY || studyOpen) {
            sets.add(STUDY_DEFAULTS);
        }
        if (level == Level.SERIES || level == Level.INSTANCE && seriesOpen) {
            sets.add(SERIES_DEFAULTS);
        }
        if (level == Level.INSTANCE) {
            sets.add(INSTANCE_DEFAULTS);
        }
        for (int[] tags : sets) {
            for (int tag : tags) {
                id.setNull(tag, ElementDictionary.vrOf(tag));
            }
        }
    }

    /** Adds the key {@code path} (keyword or tag, one sequence level) with {@code value} (null: return key). */
    private static void key(Attributes id, String path, String value) {
        String[] parts = path.split("\\.");
        if (parts.length > 2) {
            throw new InvalidParameterException(path + ": one sequence level at most");
        }
        int tag = tag(parts[0]);
        if (parts.length == 2) {
            if (ElementDictionary.vrOf(tag) != VR.SQ) {
                throw new InvalidParameterException(parts[0] + " is not a sequence");
            }
            Attributes item = id.getItem(tag, 0);
            if (item == null) {
                item = id.newSequence(tag).addItem();
            }
            key(item, parts[1], value);
            return;
        }
        VR vr = ElementDictionary.vrOf(tag);
        if (vr == VR.SQ) {
            if (value != null && !value.isEmpty()) {
                throw new InvalidParameterException(path + " is a sequence: match its attributes (" + path
                        + ".Keyword=value)");
            }
            if (id.getSequence(tag) == null) {
                id.newSequence(tag);
            }
            return;
        }
        if (value == null) {
            if (!id.containsValue(tag)) {
                id.setNull(tag, vr);
            }
            return;
        }
        // a list of UIDs is comma-separated in a URL (PS3.18 8.3.4.1), backslash-separated in DICOM
        id.setString(tag, vr, vr == VR.UI ? value.split(",") : new String[] {value});
    }

    private static int tag(String keywordOrTag) {
        if (keywordOrTag.matches("[0-9A-Fa-f]{8}")) {
            return (int) Long.parseLong(keywordOrTag, 16);
        }
        int tag = ElementDictionary.tagOf(keywordOrTag);
        if (tag == -1) {
            throw new InvalidParameterException(keywordOrTag + " is neither an attribute keyword nor a tag (ggggeeee)");
        }
        return tag;
    }

    private static int number(String name, List<String> values) {
        try {
            int n = Integer.parseInt(values.get(values.size() - 1).strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name + " is a number of 0 or more, not " + values);
        }
    }

    private static Boolean bool(String name, List<String> values) {
        String v = values.get(values.size() - 1).strip();
        if (!v.equals("true") && !v.equals("false")) {
            throw new InvalidParameterException(name + " is true or false, not " + v);
        }
        return Boolean.valueOf(v);
    }
}
