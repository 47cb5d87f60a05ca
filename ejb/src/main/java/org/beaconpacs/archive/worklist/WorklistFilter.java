package org.beaconpacs.archive.worklist;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beaconpacs.archive.entity.worklist.ScheduledStep;

/**
 * What the console's and REST's worklist list shows: steps from {@code from} to {@code to} (YYYYMMDD,
 * either open), of a modality, for a station AE title, in a status; null: any. Newest first.
 */
public record WorklistFilter(String from, String to, String modality, String station, String status) {

    public static final WorklistFilter ALL = new WorklistFilter(null, null, null, null, null);

    static TypedQuery<ScheduledStep> query(EntityManager em, WorklistFilter f) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<ScheduledStep> cq = cb.createQuery(ScheduledStep.class);
        Root<ScheduledStep> s = cq.from(ScheduledStep.class);
        s.fetch("item").fetch("patient");
        List<Predicate> p = new ArrayList<>();
        if (present(f.from())) {
            p.add(cb.greaterThanOrEqualTo(s.get("startDate"), f.from().strip()));
        }
        if (present(f.to())) {
            p.add(cb.lessThanOrEqualTo(s.get("startDate"), f.to().strip()));
        }
        if (present(f.modality())) {
            p.add(cb.equal(s.get("modality"), f.modality().strip().toUpperCase(Locale.ROOT)));
        }
        if (present(f.station())) {
            p.add(cb.isMember(f.station().strip(), s.<java.util.Collection<String>>get("stationAeTitles")));
        }
        if (present(f.status())) {
            try {
                p.add(cb.equal(s.get("status"), ScheduledStep.Status.valueOf(f.status().strip().toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("status is one of SCHEDULED, ARRIVED, READY, STARTED, DEPARTED,"
                        + " COMPLETED, DISCONTINUED, not " + f.status(), e);
            }
        }
        cq.select(s).where(p.toArray(Predicate[]::new))
                .orderBy(cb.desc(s.get("startDate")), cb.desc(s.get("startTime")), cb.desc(s.get("id")));
        return em.createQuery(cq);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
