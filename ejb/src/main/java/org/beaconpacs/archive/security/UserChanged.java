package org.beaconpacs.archive.security;

/**
 * A user was created, or a user's password or role changed, or the user was removed: tokens issued before
 * no longer hold.
 *
 * @param change what changed, in words ("created with role admin", "role viewer, new password", "removed")
 */
public record UserChanged(String username, String change) {
}
