package org.beaconpacs.archive.security;

/** A user's password or role changed, or the user was removed: tokens issued before no longer hold. */
public record UserChanged(String username) {
}
