package org.beaconpacs.archive.dicomweb;

import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Locale;
import org.beaconpacs.archive.query.InvalidQueryException;
import org.beaconpacs.archive.query.QueryRetrieveModel;
import org.beaconpacs.archive.retrieve.RetrieveQuery;
import org.beaconpacs.archive.retrieve.RetrieveService;
import org.beaconpacs.archive.retrieve.StoredInstance;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;

/** The stored instances a WADO path names (study, series, instance), in series and instance order. */
final class StoredInstances {

    private StoredInstances() {
    }

    /** The instances, never none: a 404 names what was not found. A null {@code series} means the study. */
    static List<StoredInstance> find(RetrieveService retrieve, String study, String series, String instance) {
        String level = instance != null ? "IMAGE" : series != null ? "SERIES" : "STUDY";
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, level);
        if (study != null) {
            keys.setString(Tag.StudyInstanceUID, VR.UI, study);
        }
        if (series != null) {
            keys.setString(Tag.SeriesInstanceUID, VR.UI, series);
        }
        if (instance != null) {
            keys.setString(Tag.SOPInstanceUID, VR.UI, instance);
        }
        List<StoredInstance> found;
        try {
            found = retrieve.instances(RetrieveQuery.of(QueryRetrieveModel.STUDY_ROOT, keys));
        } catch (InvalidQueryException e) {
            throw new InvalidParameterException(e.getMessage());
        }
        if (found.isEmpty()) {
            throw new NotFoundException("no such " + (level.equals("IMAGE") ? "instance" : level.toLowerCase(
                    Locale.ROOT)));
        }
        return found;
    }
}
