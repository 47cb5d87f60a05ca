package org.beaconpacs.archive.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.beaconpacs.archive.config.Settings;

/**
 * How objects are stored, from the server's system properties (each set from an environment variable
 * by wildfly-config; see README "Configuration").
 *
 * @param root where files go; temporary files live in its {@code .incoming} folder (same file system,
 *             so that the final rename is atomic), a cluster node's in {@code .incoming/<node>}
 * @param durability when a C-STORE is answered: after fsync ({@code PER_OBJECT}) or before
 * @param flushInterval the longest a deferred object waits for its fsync
 */
public record StorageSettings(Path root, Durability durability, Duration flushInterval, String digestAlgorithm) {

    /** When the success response may leave. */
    public enum Durability {
        /** after the file and its directory entry are fsync'd and the index row committed */
        PER_OBJECT,
        /** after the rename and the index commit; a flusher fsyncs within {@code flushInterval} */
        DEFERRED
    }

    /** What a second object with a stored SOP Instance UID but other content does. */
    public enum DuplicatePolicy { KEEP_FIRST, REPLACE }

    public static StorageSettings fromSystemProperties() {
        return new StorageSettings(
                Path.of(System.getProperty("beacon.storage.root",
                        System.getProperty("jboss.server.data.dir", ".") + "/beacon/storage")),
                Durability.valueOf(enumName(System.getProperty("beacon.storage.durability", "per-object"))),
                Duration.ofMillis(Long.parseLong(System.getProperty("beacon.storage.flush-millis", "1000").strip())),
                System.getProperty("beacon.storage.digest", "SHA-256").strip());
    }

    /** What a second object with a stored SOP Instance UID and other content does; read at each use. */
    public static DuplicatePolicy duplicates() {
        return DuplicatePolicy.valueOf(enumName(System.getProperty("beacon.storage.duplicates", "keep-first")));
    }

    /** Below this many bytes free, C-STORE answers 0xA700 (out of resources); read at each check. */
    public static long minFreeBytes() {
        return Long.parseLong(System.getProperty("beacon.storage.min-free-mb", "1024").strip()) * 1024 * 1024;
    }

    private static String enumName(String setting) {
        return setting.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * Where this server's temporary files live. A cluster's nodes share the root, and each removes its
     * own temporary files at start: never those another node is receiving into at that moment.
     */
    public Path incoming() {
        Path incoming = root.resolve(".incoming");
        return Settings.clustered() ? incoming.resolve(Settings.nodeFolderName()) : incoming;
    }
}
