package org.beaconpacs.archive.it.testing;

import jakarta.json.JsonObject;
import java.nio.file.Path;

/** The archive's stored files as the test sees them: under the test server's data directory. */
public final class Storage {

    private Storage() {
    }

    public static Path root() {
        return Path.of(System.getProperty("jboss.home"), "standalone", "data", "beacon", "storage");
    }

    /** The single instance of a study through the REST drill-down: {@code sopInstanceUid, path, digest...}. */
    public static JsonObject onlyInstance(String studyUid) throws Exception {
        var series = Beacon.array(Beacon.api("GET", "/studies/" + studyUid + "/series", null));
        String seriesUid = series.getJsonObject(0).getString("seriesUid");
        return Beacon.array(Beacon.api("GET", "/series/" + seriesUid + "/instances", null)).getJsonObject(0);
    }
}
