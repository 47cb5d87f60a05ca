package org.beaconpacs.archive.query;

/**
 * The query/retrieve settings, system properties that wildfly-config makes from environment variables
 * (README "Configuration"); read at each query, so a change at run time applies to the next one.
 */
public final class QuerySettings {

    private QuerySettings() {
    }

    /** Beyond this many matches a query ends with "out of resources" (BEACON_QUERY_MAX_MATCHES). */
    public static int maxMatches() {
        return Integer.parseInt(System.getProperty("beacon.query.max-matches", "50000").strip());
    }

    /**
     * Person names matched case-insensitively and without trailing empty components ({@code fuzzy}, the
     * default), or exactly as written ({@code exact}) (BEACON_QUERY_PERSON_NAMES).
     */
    public static boolean fuzzyPersonNames() {
        return !"exact".equalsIgnoreCase(System.getProperty("beacon.query.person-names", "fuzzy").strip());
    }
}
