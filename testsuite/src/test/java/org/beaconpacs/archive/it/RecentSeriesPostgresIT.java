package org.beaconpacs.archive.it;

import static org.beaconpacs.archive.it.testing.CtStore.store;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.archive.it.testing.PostgresIndex;
import org.beaconpacs.archive.it.testing.Storage;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store's short path (the next instance of a series stored into lately, indexed by what the server
 * remembers of it) meeting a series that went while its study stayed, as another node's recovery of a
 * lost file leaves it: the instance is stored, its series made again, the study's counters exact. The
 * test removes the series in its own PostgreSQL session (PostgreSQL phase only).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "test.db", matches = "postgresql") // and left out of the H2 phase (pom)
class RecentSeriesPostgresIT {

    @Test
    void theNextInstanceOfASeriesThatWentMeanwhileMakesItAgain() throws Exception {
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        try (DicomClient c = CtStore.client("HINTSCU")) {
            CtStore.storeSeries(c, "HINT1", "Series^Gone", study, series, 1, 2); // the second by the short path
            List<Path> gone = new ArrayList<>();
            try (Connection sql = PostgresIndex.connect()) {
                String ofSeries = "select i.id from instance i join series s on i.series_fk = s.id where s.series_uid = ?";
                for (String path : PostgresIndex.column(sql, "select path from stored_object where instance_fk in ("
                        + ofSeries + ")", series)) {
                    gone.add(Storage.root().resolve(path));
                }
                long size = PostgresIndex.number(sql, "select sum(size_bytes) from stored_object where instance_fk in ("
                        + ofSeries + ")", series);
                PostgresIndex.update(sql, "delete from stored_object where instance_fk in (" + ofSeries + ")", series);
                PostgresIndex.update(sql, "delete from instance where id in (" + ofSeries + ")", series);
                PostgresIndex.update(sql, "delete from series where series_uid = ?", series);
                PostgresIndex.update(sql, "update study set number_of_series = number_of_series - 1, "
                        + "number_of_instances = number_of_instances - 2, size_bytes = size_bytes - ? where study_uid = ?",
                        size, study);
                sql.commit();
            }
            for (Path f : gone) {
                Files.delete(f);
            }
            Attributes third = Synthetic.ct("HINT1", "Series^Gone", study, series, 3, 1024);
            assertEquals(0, store(c, third.getString(Tag.SOPInstanceUID), Synthetic.encode(third)).status());
            c.release();
        }
        JsonObject s = Beacon.object(Beacon.api("GET", "/studies/" + study, null));
        assertEquals(1, s.getInt("numberOfSeries"));
        assertEquals(1, s.getInt("numberOfInstances"), "counted once: the short path's count was put back");
        JsonObject onlySeries = Beacon.array(Beacon.api("GET", "/studies/" + study + "/series", null)).getJsonObject(0);
        assertEquals(series, onlySeries.getString("seriesUid"));
        assertEquals(1, onlySeries.getInt("numberOfInstances"));
        JsonObject instance = Storage.onlyInstance(study);
        assertEquals(Files.size(Storage.root().resolve(instance.getString("path"))), s.getJsonNumber("sizeBytes")
                .longValue(), "the study's size is its one file's");
        assertEquals(204, Beacon.api("DELETE", "/studies/" + study, null).statusCode());
    }
}
