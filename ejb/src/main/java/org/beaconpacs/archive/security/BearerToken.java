package org.beaconpacs.archive.security;

/** A token issued to a user (RFC 6750 bearer token, a JWT signed HS256), valid for {@code expiresIn} seconds. */
public record BearerToken(String value, long expiresIn) {
}
