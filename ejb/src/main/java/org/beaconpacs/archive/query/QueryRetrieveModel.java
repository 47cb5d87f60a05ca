package org.beaconpacs.archive.query;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.beaconpacs.archive.index.Level;
import org.beaconpacs.dicom.dict.UID;

/**
 * The Query/Retrieve Information Models of PS3.4 C.6: Patient Root, Study Root, and the retired
 * Patient/Study Only that old workstations still send; their levels from the top down and the SOP classes
 * of their FIND, MOVE and GET services.
 */
public enum QueryRetrieveModel {
    PATIENT_ROOT(UID.PatientRootQueryRetrieveInformationModelFind, UID.PatientRootQueryRetrieveInformationModelMove,
            UID.PatientRootQueryRetrieveInformationModelGet,
            List.of(Level.PATIENT, Level.STUDY, Level.SERIES, Level.INSTANCE)),
    STUDY_ROOT(UID.StudyRootQueryRetrieveInformationModelFind, UID.StudyRootQueryRetrieveInformationModelMove,
            UID.StudyRootQueryRetrieveInformationModelGet, List.of(Level.STUDY, Level.SERIES, Level.INSTANCE)),
    PATIENT_STUDY_ONLY(UID.PatientStudyOnlyQueryRetrieveInformationModelFind,
            UID.PatientStudyOnlyQueryRetrieveInformationModelMove, UID.PatientStudyOnlyQueryRetrieveInformationModelGet,
            List.of(Level.PATIENT, Level.STUDY));

    private final String find;
    private final String move;
    private final String get;
    private final List<Level> levels;

    QueryRetrieveModel(String find, String move, String get, List<Level> levels) {
        this.find = find;
        this.move = move;
        this.get = get;
        this.levels = levels;
    }

    public String findSopClass() {
        return find;
    }

    public String moveSopClass() {
        return move;
    }

    public String getSopClass() {
        return get;
    }

    /** The levels of the model from its root down. */
    public List<Level> levels() {
        return levels;
    }

    /** The model a FIND, MOVE or GET SOP class belongs to, or null. */
    public static QueryRetrieveModel of(String sopClass) {
        for (QueryRetrieveModel m : values()) {
            if (m.find.equals(sopClass) || m.move.equals(sopClass) || m.get.equals(sopClass)) {
                return m;
            }
        }
        return null;
    }

    public static Set<String> findSopClasses() {
        return Arrays.stream(values()).map(QueryRetrieveModel::findSopClass).collect(Collectors.toUnmodifiableSet());
    }

    /** The value of Query/Retrieve Level (0008,0052) for a level. */
    public static String levelName(Level level) {
        return level == Level.INSTANCE ? "IMAGE" : level.name();
    }

    /** The level a Query/Retrieve Level value names, or null. */
    public static Level level(String name) {
        return switch (name == null ? "" : name.strip()) {
            case "PATIENT" -> Level.PATIENT;
            case "STUDY" -> Level.STUDY;
            case "SERIES" -> Level.SERIES;
            case "IMAGE" -> Level.INSTANCE;
            default -> null;
        };
    }

    /** The Unique Key of a level (PS3.4 C.6.1.1, C.6.2.1). */
    public static int uniqueKey(Level level) {
        return switch (level) {
            case PATIENT -> org.beaconpacs.dicom.dict.Tag.PatientID;
            case STUDY -> org.beaconpacs.dicom.dict.Tag.StudyInstanceUID;
            case SERIES -> org.beaconpacs.dicom.dict.Tag.SeriesInstanceUID;
            case INSTANCE -> org.beaconpacs.dicom.dict.Tag.SOPInstanceUID;
        };
    }
}
