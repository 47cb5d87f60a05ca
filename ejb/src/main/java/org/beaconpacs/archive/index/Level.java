package org.beaconpacs.archive.index;

import java.util.Set;
import org.beaconpacs.archive.entity.index.Patient;
import org.beaconpacs.archive.entity.index.Series;
import org.beaconpacs.archive.entity.index.Study;
import org.beaconpacs.dicom.dict.Tag;

/**
 * The query/retrieve levels and which attributes belong to each (the Patient, Patient Study, General
 * Study, General Series and equipment modules of PS3.3; everything else is the instance's). Each level's
 * attributes are kept with its index row, so a C-FIND at that level can return any of them.
 */
public enum Level {
    PATIENT(Set.of(Tag.PatientName, Tag.PatientID, Tag.IssuerOfPatientID, Tag.IssuerOfPatientIDQualifiersSequence,
            Tag.PatientBirthDate, Tag.PatientBirthTime, Tag.PatientSex, Tag.OtherPatientIDsSequence,
            Tag.OtherPatientNames, Tag.PatientComments, Tag.EthnicGroup, Tag.PatientSpeciesDescription,
            Tag.PatientBreedDescription, Tag.ResponsiblePerson)),
    STUDY(Set.of(Tag.StudyInstanceUID, Tag.StudyDate, Tag.StudyTime, Tag.AccessionNumber,
            Tag.IssuerOfAccessionNumberSequence, Tag.ReferringPhysicianName, Tag.StudyDescription, Tag.StudyID,
            Tag.ProcedureCodeSequence, Tag.NameOfPhysiciansReadingStudy, Tag.PatientAge, Tag.PatientSize,
            Tag.PatientWeight, Tag.AdditionalPatientHistory, Tag.Occupation)),
    SERIES(Set.of(Tag.SeriesInstanceUID, Tag.Modality, Tag.SeriesNumber, Tag.SeriesDescription, Tag.SeriesDate,
            Tag.SeriesTime, Tag.BodyPartExamined, Tag.Laterality, Tag.StationName, Tag.Manufacturer,
            Tag.ManufacturerModelName, Tag.InstitutionName, Tag.InstitutionalDepartmentName,
            Tag.PerformedProcedureStepStartDate, Tag.PerformedProcedureStepStartTime, Tag.PerformedProcedureStepID,
            Tag.PerformedProcedureStepDescription, Tag.PerformingPhysicianName, Tag.OperatorsName,
            Tag.ProtocolName, Tag.RequestAttributesSequence)),
    INSTANCE(Set.of());

    private final Set<Integer> tags;

    Level(Set<Integer> tags) {
        this.tags = tags;
    }

    /** Tag to level, sorted by tag for a binary search: asked for every attribute of every stored object. */
    private static final int[] TAGS;
    private static final Level[] LEVELS;

    static {
        java.util.TreeMap<Integer, Level> byTag = new java.util.TreeMap<>(Integer::compareUnsigned);
        for (Level l : values()) {
            l.tags.forEach(t -> byTag.put(t, l));
        }
        TAGS = byTag.keySet().stream().mapToInt(Integer::intValue).toArray();
        LEVELS = byTag.values().toArray(Level[]::new);
    }

    /** The level an attribute of a stored instance belongs to. */
    public static Level of(int tag) {
        int lo = 0;
        int hi = TAGS.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = Integer.compareUnsigned(TAGS[mid], tag);
            if (cmp == 0) {
                return LEVELS[mid];
            }
            if (cmp < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return INSTANCE;
    }
}
