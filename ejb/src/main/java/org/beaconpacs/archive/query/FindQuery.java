package org.beaconpacs.archive.query;

import java.util.List;
import org.beaconpacs.archive.index.Level;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.Tags;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.ElementDictionary;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.time.DateRange;

/**
 * A checked C-FIND identifier (PS3.4 C.4.1.1.3.1, C.4.1.2): the model, the level, the keys, and how to
 * match them. Free of DIMSE: QIDO-RS builds the same from its query parameters.
 *
 * @param allAttributes answer with every stored attribute of a match, not only the keys
 * @param relational the requestor negotiated relational queries: the unique keys of the levels above may
 *     be missing, and any key above may be matched (C.4.1.2.2); otherwise the search is hierarchical
 */
public record FindQuery(QueryRetrieveModel model, Level level, Attributes keys, boolean relational,
                        AttributeMatching.Options matching, boolean allAttributes) {

    public FindQuery(QueryRetrieveModel model, Level level, Attributes keys, boolean relational,
                     AttributeMatching.Options matching) {
        this(model, level, keys, relational, matching, false);
    }

    /** This query, answering with every stored attribute of each match besides its keys (QIDO-RS includefield=all). */
    public FindQuery withAllAttributes() {
        return new FindQuery(model, level, keys, relational, matching, true);
    }

    /** Checks {@code identifier} against the model's rules, or says what is wrong with it. */
    public static FindQuery of(QueryRetrieveModel model, Attributes identifier, boolean relational,
                               AttributeMatching.Options matching) throws InvalidQueryException {
        String name = identifier.getString(Tag.QueryRetrieveLevel);
        if (name == null) {
            throw new InvalidQueryException(InvalidQueryException.Kind.IDENTIFIER,
                    "Query/Retrieve Level (0008,0052) missing", Tag.QueryRetrieveLevel);
        }
        Level level = QueryRetrieveModel.level(name);
        if (level == null || !model.levels().contains(level)) {
            throw new InvalidQueryException(InvalidQueryException.Kind.IDENTIFIER, "level " + name.strip()
                    + " is not one of " + model.levels().stream().map(QueryRetrieveModel::levelName).toList(),
                    Tag.QueryRetrieveLevel);
        }
        if (!relational) {
            List<Level> levels = model.levels();
            for (Level above : levels.subList(0, levels.indexOf(level))) {
                int unique = QueryRetrieveModel.uniqueKey(above);
                String[] v = identifier.getStrings(unique);
                if (v == null || v.length != 1 || AttributeMatching.hasWildcard(v[0])
                        || v[0].equals(AttributeMatching.EMPTY_VALUE)) {
                    throw new InvalidQueryException(InvalidQueryException.Kind.IDENTIFIER, "hierarchical "
                            + QueryRetrieveModel.levelName(level) + " query needs one " + keyword(unique), unique);
                }
            }
        }
        checkValues(identifier, 0);
        Attributes keys = new Attributes(identifier);
        int unique = QueryRetrieveModel.uniqueKey(level);
        if (!keys.contains(unique)) {
            // every answer names its entity (C.4.1.2.1): the level's unique key, asked for or not
            keys.setNull(unique, ElementDictionary.vrOf(unique));
        }
        return new FindQuery(model, level, keys, relational, matching);
    }

    /** Date and time keys must parse as ranges; a sequence key takes one item, with no sequence in it. */
    private static void checkValues(Attributes keys, int depth) throws InvalidQueryException {
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            VR vr = keys.vrAt(i);
            if (!AttributeMatching.isMatchingKey(tag)) {
                continue;
            }
            if (vr == VR.SQ) {
                Sequence s = keys.getSequence(tag);
                if (s != null && s.size() > 1) {
                    throw new InvalidQueryException(InvalidQueryException.Kind.IDENTIFIER, keyword(tag)
                            + ": sequence matching takes one item, not " + s.size(), tag);
                }
                if (s != null && s.size() == 1) {
                    if (depth > 0 && AttributeMatching.hasValue(s.get(0))) {
                        throw new InvalidQueryException(InvalidQueryException.Kind.IDENTIFIER, keyword(tag)
                                + ": matching in a sequence within a sequence is not supported", tag);
                    }
                    checkValues(s.get(0), depth + 1);
                }
                continue;
            }
            if (vr == VR.DA || vr == VR.TM || vr == VR.DT) {
                String[] values = keys.getStrings(tag);
                for (String v : values == null ? new String[0] : values) {
                    if (v.equals(AttributeMatching.EMPTY_VALUE)) {
                        continue;
                    }
                    try {
                        DateRange.parse(v, vr);
                    } catch (RuntimeException e) {
                        throw new InvalidQueryException(InvalidQueryException.Kind.VALUE, keyword(tag) + " \"" + v
                                + "\" is no " + vr + " value or range", tag);
                    }
                }
            }
        }
    }

    static String keyword(int tag) {
        String keyword = ElementDictionary.keywordOf(tag);
        return (keyword == null || keyword.isEmpty() ? "" : keyword + " ") + Tags.toString(tag);
    }

    /** The Query/Retrieve Level value of this query. */
    public String levelName() {
        return QueryRetrieveModel.levelName(level);
    }
}
