package org.beaconpacs.archive.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.audit.AuditMessage.ParticipantObject;

/** What the index knows of studies, for the participant objects of an audit message. */
public interface StudyFacts {

    /**
     * The participant objects for {@code studies} (Study Instance UID to instances per SOP Class UID): each
     * study with its SOP classes and accession number, then each of their patients once.
     *
     * @param lifeCycle ParticipantObjectDataLifeCycle of the studies, 0 for none
     */
    List<ParticipantObject> studiesAndPatients(Map<String, Map<String, Integer>> studies, int lifeCycle);

    /** As above, for studies known only by their UIDs. */
    default List<ParticipantObject> studiesAndPatients(Collection<String> studyUids, int lifeCycle) {
        Map<String, Map<String, Integer>> m = new java.util.LinkedHashMap<>();
        studyUids.forEach(uid -> m.put(uid, Map.of()));
        return studiesAndPatients(m, lifeCycle);
    }
}
