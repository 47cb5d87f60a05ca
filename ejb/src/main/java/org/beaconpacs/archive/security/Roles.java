package org.beaconpacs.archive.security;

import org.beaconpacs.archive.entity.security.UserAccount;

/** The roles a user has, as the container's security constraints and the console check them. */
public final class Roles {

    /** May change everything. */
    public static final String ADMIN = UserAccount.ADMIN;
    /** May look, not change. */
    public static final String VIEWER = UserAccount.VIEWER;

    private Roles() {
    }
}
