package org.beaconpacs.archive.retrieve;

import java.util.List;
import org.beaconpacs.archive.index.Level;
import org.beaconpacs.archive.query.InvalidQueryException;
import org.beaconpacs.archive.query.QueryRetrieveModel;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Tags;
import org.beaconpacs.dicom.dict.ElementDictionary;
import org.beaconpacs.dicom.dict.Tag;

/**
 * A checked C-MOVE or C-GET identifier (PS3.4 C.4.2.1.4.1, C.4.3.1.3.1): the Query/Retrieve Level, one
 * value of the unique key of each level above it, and one or a list of values of its own unique key
 * (Patient ID: one value). No other key selects anything.
 */
public record RetrieveQuery(QueryRetrieveModel model, Level level, Attributes keys) {

    public static RetrieveQuery of(QueryRetrieveModel model, Attributes identifier) throws InvalidQueryException {
        String name = identifier.getString(Tag.QueryRetrieveLevel);
        Level level = QueryRetrieveModel.level(name);
        if (level == null || !model.levels().contains(level)) {
            throw new InvalidQueryException(InvalidQueryException.Kind.IDENTIFIER, name == null
                    ? "Query/Retrieve Level (0008,0052) missing" : "level " + name.strip() + " is not one of "
                    + model.levels().stream().map(QueryRetrieveModel::levelName).toList(), Tag.QueryRetrieveLevel);
        }
        List<Level> levels = model.levels();
        for (Level l : levels.subList(0, levels.indexOf(level) + 1)) {
            int unique = QueryRetrieveModel.uniqueKey(l);
            String[] v = identifier.getStrings(unique);
            boolean list = l == level && l != Level.PATIENT;
            if (v == null || v.length == 0 || !list && v.length != 1 || hasWildcard(v)) {
                throw new InvalidQueryException(InvalidQueryException.Kind.IDENTIFIER, "a " + QueryRetrieveModel.levelName(level)
                        + " retrieve needs " + (list ? "one or more values" : "one value") + " of " + keyword(unique)
                        + " without wildcards", unique);
            }
        }
        return new RetrieveQuery(model, level, identifier);
    }

    private static boolean hasWildcard(String[] values) {
        for (String v : values) {
            if (v.isEmpty() || v.indexOf('*') >= 0 || v.indexOf('?') >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String keyword(int tag) {
        String keyword = ElementDictionary.keywordOf(tag);
        return (keyword == null ? "" : keyword + " ") + Tags.toString(tag);
    }

    /** The values of a level's unique key, or null where the model has no such level above the retrieve level. */
    public String[] values(Level l) {
        List<Level> levels = model.levels();
        return levels.contains(l) && levels.indexOf(l) <= levels.indexOf(level)
                ? keys.getStrings(QueryRetrieveModel.uniqueKey(l)) : null;
    }
}
