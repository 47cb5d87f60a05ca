package org.beaconpacs.archive.mpps;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.logging.Logger;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.uid.UIDs;

/**
 * Modality Performed Procedure Step without DIMSE (PS3.4 F.7.2): a modality's report that it started an
 * exam (N-CREATE, IN PROGRESS), its updates, and its completion or discontinuation, after which the step
 * is read-only; the scheduled steps it performs follow (STARTED, COMPLETED, DISCONTINUED).
 */
@ApplicationScoped
public class MppsService {

    private static final Logger LOG = Logger.getLogger(MppsService.class.getName());

    @EJB
    private MppsStore store;

    /** A new step with the UID the modality chose (a new one if null); the UID. */
    public String create(String uid, Attributes attributes, String performer) throws MppsRefused {
        MppsRules.checkCreate(attributes);
        String iuid = uid == null || uid.isBlank() ? UIDs.generate() : uid.strip();
        store.create(iuid, attributes);
        LOG.info(() -> "MPPS " + iuid + " IN PROGRESS from " + performer);
        return iuid;
    }

    public void set(String uid, Attributes modifications, String performer) throws MppsRefused {
        store.set(uid, modifications);
        LOG.info(() -> "MPPS " + uid + " set by " + performer);
    }

    public Attributes attributes(String uid) {
        return store.attributes(uid);
    }

    public List<MppsSummary> forStudy(String studyUid) {
        return store.forStudy(studyUid);
    }
}
