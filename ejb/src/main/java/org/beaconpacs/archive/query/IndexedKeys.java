package org.beaconpacs.archive.query;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import org.beaconpacs.archive.entity.index.Series;
import org.beaconpacs.archive.index.Level;
import org.beaconpacs.archive.study.Wildcards;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.time.DateRange;
import org.beaconpacs.dicom.time.DateTimes;

/**
 * The keys the index has columns for, as predicates that narrow the candidates in the database. Each
 * predicate lets through every row {@link AttributeMatching} could accept (and maybe more), never fewer:
 * the matching proper follows on the stored attributes. Wildcards become LIKE patterns with LIKE's own
 * characters escaped ({@code %} and {@code _} in a key match themselves); values are parameters.
 */
public final class IndexedKeys {

    private IndexedKeys() {
    }

    static List<Predicate> predicates(CriteriaBuilder cb, CriteriaQuery<?> cq, FindQuery q, From<?, ?> patient,
                                      From<?, ?> study, From<?, ?> series, From<?, ?> root) {
        Attributes keys = q.keys();
        List<Predicate> p = new ArrayList<>();
        boolean fuzzy = q.matching().fuzzyPersonNames();
        text(cb, p, patient.get("patientId"), keys, Tag.PatientID);
        text(cb, p, patient.get("issuer"), keys, Tag.IssuerOfPatientID);
        text(cb, p, patient.get("sex"), keys, Tag.PatientSex);
        date(cb, p, patient.get("birthDate"), keys, Tag.PatientBirthDate);
        personName(cb, p, fuzzy ? patient.get("nameNormalized") : patient.get("name"), keys, Tag.PatientName, fuzzy);
        if (study != null) {
            text(cb, p, study.get("studyUid"), keys, Tag.StudyInstanceUID);
            text(cb, p, study.get("accessionNumber"), keys, Tag.AccessionNumber);
            text(cb, p, study.get("studyId"), keys, Tag.StudyID);
            text(cb, p, study.get("description"), keys, Tag.StudyDescription);
            date(cb, p, study.get("studyDate"), keys, Tag.StudyDate);
            if (!fuzzy) {
                personName(cb, p, study.get("referringPhysician"), keys, Tag.ReferringPhysicianName, false);
            }
            modalitiesInStudy(cb, cq, p, study, keys);
        }
        if (series != null) {
            text(cb, p, series.get("seriesUid"), keys, Tag.SeriesInstanceUID);
            text(cb, p, series.get("modality"), keys, Tag.Modality);
            text(cb, p, series.get("description"), keys, Tag.SeriesDescription);
            text(cb, p, series.get("bodyPart"), keys, Tag.BodyPartExamined);
            text(cb, p, series.get("stationName"), keys, Tag.StationName);
            number(cb, p, series.get("seriesNumber"), keys, Tag.SeriesNumber);
        }
        if (q.level() == Level.INSTANCE) {
            text(cb, p, root.get("sopUid"), keys, Tag.SOPInstanceUID);
            text(cb, p, root.get("sopClassUid"), keys, Tag.SOPClassUID);
            number(cb, p, root.get("instanceNumber"), keys, Tag.InstanceNumber);
        }
        return p;
    }

    /** Single values (one or a list), wildcards and empty value matching of a text column. */
    public static void text(CriteriaBuilder cb, List<Predicate> p, Expression<String> column, Attributes keys,
                             int tag) {
        String[] values = keys.getStrings(tag);
        if (values == null || values.length == 0 || keys.getVR(tag) == VR.SQ) {
            return;
        }
        VR vr = keys.getVR(tag);
        List<Predicate> any = new ArrayList<>();
        List<String> exact = new ArrayList<>();
        for (String v : values) {
            if (v.equals(AttributeMatching.EMPTY_VALUE)) {
                any.add(cb.or(cb.isNull(column), cb.equal(column, "")));
            } else if (AttributeMatching.allowsWildcards(vr) && AttributeMatching.hasWildcard(v)) {
                any.add(cb.like(column, Wildcards.toLike(v), Wildcards.ESCAPE));
            } else {
                exact.add(v);
            }
        }
        if (exact.size() == 1) {
            any.add(cb.equal(column, exact.get(0)));
        } else if (!exact.isEmpty()) {
            any.add(column.in(exact));
        }
        p.add(any.size() == 1 ? any.get(0) : cb.or(any.toArray(Predicate[]::new)));
    }

    /**
     * Person names. Fuzzy, on the upper-case column: the normalized key as a prefix (the column keeps
     * trailing empty components), or after a '=' where the key names no component group.
     */
    public static void personName(CriteriaBuilder cb, List<Predicate> p, Expression<String> column,
                                   Attributes keys, int tag, boolean fuzzy) {
        String[] values = keys.getStrings(tag);
        if (values == null || values.length != 1 || values[0].equals(AttributeMatching.EMPTY_VALUE)) {
            if (values != null && values.length == 1) {
                p.add(cb.or(cb.isNull(column), cb.equal(column, "")));
            }
            return;
        }
        String key = values[0];
        if (!fuzzy) {
            p.add(AttributeMatching.hasWildcard(key) ? cb.like(column, Wildcards.toLike(key), Wildcards.ESCAPE)
                    : cb.equal(column, key));
            return;
        }
        String like = Wildcards.toLike(AttributeMatching.normalizedName(key));
        if (!like.endsWith("%")) {
            like += "%";
        }
        Predicate prefix = cb.like(column, like, Wildcards.ESCAPE);
        p.add(key.indexOf('=') >= 0 ? prefix : cb.or(prefix, cb.like(column, "%=" + like, Wildcards.ESCAPE)));
    }

    /** DA ranges and single dates on a column of 8-digit dates (compared as text, which orders them). */
    public static void date(CriteriaBuilder cb, List<Predicate> p, Expression<String> column, Attributes keys,
                             int tag) {
        String v = keys.getString(tag);
        if (v == null || v.equals(AttributeMatching.EMPTY_VALUE) || keys.valueCount(tag) != 1) {
            return;
        }
        DateRange range = DateRange.parse(v, VR.DA); // combined with a time too, the days are a superset
        if (range.lower() != null) {
            p.add(cb.greaterThanOrEqualTo(column, DateTimes.formatDA((java.time.LocalDate) range.lower())));
        }
        if (range.upper() != null) {
            p.add(cb.lessThanOrEqualTo(column, DateTimes.formatDA((java.time.LocalDate) range.upper())));
        }
    }

    private static void number(CriteriaBuilder cb, List<Predicate> p, Expression<Integer> column, Attributes keys,
                               int tag) {
        String[] values = keys.getStrings(tag);
        if (values == null || values.length != 1) {
            return;
        }
        try {
            p.add(cb.equal(column, Integer.parseInt(values[0].strip())));
        } catch (NumberFormatException e) {
            // not a number: left to the matching on the stored value
        }
    }

    /** Modalities in Study: a series of the study with one of the modalities asked for. */
    private static void modalitiesInStudy(CriteriaBuilder cb, CriteriaQuery<?> cq, List<Predicate> p,
                                          From<?, ?> study, Attributes keys) {
        String[] values = keys.getStrings(Tag.ModalitiesInStudy);
        if (values == null || values.length == 0) {
            return;
        }
        List<String> modalities = new ArrayList<>();
        for (String v : values) {
            if (AttributeMatching.hasWildcard(v) || v.equals(AttributeMatching.EMPTY_VALUE)) {
                return;
            }
            modalities.add(v);
        }
        Subquery<Long> sq = cq.subquery(Long.class);
        Root<Series> s = sq.from(Series.class);
        sq.select(s.get("id")).where(cb.equal(s.get("study"), study), s.get("modality").in(modalities));
        p.add(cb.exists(sq));
    }
}
