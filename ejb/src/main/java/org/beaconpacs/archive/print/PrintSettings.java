package org.beaconpacs.archive.print;

import java.nio.file.Path;

/** Where print spools and print jobs live (BEACON_PRINT_ROOT). */
public final class PrintSettings {

    private PrintSettings() {
    }

    public static Path root() {
        return Path.of(System.getProperty("beacon.print.root",
                System.getProperty("jboss.server.data.dir", ".") + "/beacon/print"));
    }
}
