package org.beaconpacs.archive.retrieve;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import org.beaconpacs.archive.entity.index.Instance;
import org.beaconpacs.archive.entity.index.Patient;
import org.beaconpacs.archive.entity.index.Series;
import org.beaconpacs.archive.entity.index.StoredObject;
import org.beaconpacs.archive.entity.index.Study;
import org.beaconpacs.archive.index.Level;
import org.beaconpacs.archive.query.InvalidQueryException;
import org.beaconpacs.archive.query.QueryRetrieveModel;
import org.beaconpacs.archive.storage.StorageRuntime;
import org.beaconpacs.archive.study.NotFoundException;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;

/**
 * The retrieve side of PS3.4 Annex C without DIMSE: the stored instances a retrieve identifier names, in
 * study, series and instance order. C-MOVE, C-GET, and the REST export share it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class RetrieveService {

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;
    @EJB
    private StorageRuntime storage;

    /** Every stored instance of study {@code studyUid}; NotFoundException when it has none. */
    public List<StoredInstance> study(String studyUid) {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
        List<StoredInstance> instances;
        try {
            instances = instances(RetrieveQuery.of(QueryRetrieveModel.STUDY_ROOT, keys));
        } catch (InvalidQueryException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (instances.isEmpty()) {
            throw new NotFoundException("study", studyUid);
        }
        return instances;
    }

    /**
     * The stored instances of a study, or of one of its series ({@code series} not null), or one instance
     * ({@code instance} not null too), as WADO and the console address them; none when nothing matches.
     */
    public List<StoredInstance> instances(String study, String series, String instance) {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, instance != null ? "IMAGE" : series != null ? "SERIES"
                : "STUDY");
        keys.setString(Tag.StudyInstanceUID, VR.UI, study);
        if (series != null) {
            keys.setString(Tag.SeriesInstanceUID, VR.UI, series);
        }
        if (instance != null) {
            keys.setString(Tag.SOPInstanceUID, VR.UI, instance);
        }
        try {
            return instances(RetrieveQuery.of(QueryRetrieveModel.STUDY_ROOT, keys));
        } catch (InvalidQueryException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public List<StoredInstance> instances(RetrieveQuery q) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> cq = cb.createTupleQuery();
        Root<StoredObject> o = cq.from(StoredObject.class);
        Join<StoredObject, Instance> i = o.join("instance");
        Join<Instance, Series> se = i.join("series");
        Join<Series, Study> st = se.join("study");
        Join<Study, Patient> p = st.join("patient");
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(st.get("status"), Study.Status.ACTIVE));
        in(cb, where, p.get("patientId"), q.values(Level.PATIENT));
        in(cb, where, st.get("studyUid"), q.values(Level.STUDY));
        in(cb, where, se.get("seriesUid"), q.values(Level.SERIES));
        in(cb, where, i.get("sopUid"), q.values(Level.INSTANCE));
        cq.multiselect(o.get("path"), i.get("sopClassUid"), i.get("sopUid"), o.get("transferSyntax"), st.get("studyUid"))
                .where(where.toArray(Predicate[]::new))
                .orderBy(cb.asc(st.get("id")), cb.asc(se.get("seriesNumber")), cb.asc(se.get("id")),
                        cb.asc(i.get("instanceNumber")), cb.asc(i.get("id")));
        java.nio.file.Path root = storage.settings().root();
        List<StoredInstance> out = new ArrayList<>();
        for (Tuple t : em.createQuery(cq).getResultList()) {
            out.add(new StoredInstance(root.resolve(t.get(0, String.class)), t.get(1, String.class),
                    t.get(2, String.class), t.get(3, String.class), t.get(4, String.class)));
        }
        return out;
    }

    /** One value as an equality: Hibernate reuses the SQL of such a query; a list parameter it translates anew. */
    private static void in(CriteriaBuilder cb, List<Predicate> where, Path<String> column, String[] values) {
        if (values != null) {
            where.add(values.length == 1 ? cb.equal(column, values[0]) : column.in((Object[]) values));
        }
    }
}
