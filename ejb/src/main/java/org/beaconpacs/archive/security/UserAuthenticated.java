package org.beaconpacs.archive.security;

/**
 * A login (console form, a bearer token issued), a failed one (console, Basic, a token request), or a logout.
 *
 * @param user the user name given (a failed login's may not exist)
 * @param host where the user is (the client's address)
 * @param success false for a refused login
 * @param detail how (console, token) or why it failed
 */
public record UserAuthenticated(String user, String host, Kind kind, boolean success, String detail) {

    /** Login or logout. */
    public enum Kind { LOGIN, LOGOUT }
}
