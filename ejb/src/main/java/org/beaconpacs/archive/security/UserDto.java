package org.beaconpacs.archive.security;

import java.io.Serializable;
import java.time.Instant;

/** A console/REST user as lists show it: name, role, since when (never the password hash). */
public record UserDto(String username, String role, Instant created) implements Serializable {
}
