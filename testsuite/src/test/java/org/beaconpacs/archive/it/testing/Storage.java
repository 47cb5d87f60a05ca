package org.beaconpacs.archive.it.testing;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;

/** The archive's stored files as the test sees them: under the test server's data directory. */
public final class Storage {

    private Storage() {
    }

    public static Path root() {
        return Path.of(System.getProperty("jboss.home"), "standalone", "data", "beacon", "storage");
    }

    /**
     * Puts a directory with content where a stored file is: a delete cannot remove it and stops there
     * (undone by {@link #clearObstacle}).
     */
    public static void makeUndeletable(Path file) throws java.io.IOException {
        Files.delete(file);
        Files.createDirectory(file);
        Files.writeString(file.resolve("in-the-way"), "x");
    }

    /** Removes what {@link #makeUndeletable} put in place. */
    public static void clearObstacle(Path file) throws java.io.IOException {
        Files.delete(file.resolve("in-the-way"));
        Files.delete(file);
    }

    /** The single instance of a study through the REST drill-down: {@code sopInstanceUid, path, digest...}. */
    public static JsonObject onlyInstance(String studyUid) throws Exception {
        var series = Beacon.array(Beacon.api("GET", "/studies/" + studyUid + "/series", null));
        String seriesUid = series.getJsonObject(0).getString("seriesUid");
        return Beacon.array(Beacon.api("GET", "/series/" + seriesUid + "/instances", null)).getJsonObject(0);
    }
}
