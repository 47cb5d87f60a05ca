package org.beaconpacs.archive.security;

/** How long an issued token holds: {@code beacon.token.lifetime} (BEACON_TOKEN_LIFETIME) seconds, 3600 by default. */
final class TokenSettings {

    private TokenSettings() {
    }

    static long lifetime() {
        try {
            long seconds = Long.parseLong(System.getProperty("beacon.token.lifetime", "3600").strip());
            return seconds > 0 ? seconds : 3600;
        } catch (NumberFormatException e) {
            return 3600;
        }
    }
}
