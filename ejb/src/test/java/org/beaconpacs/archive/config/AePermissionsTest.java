package org.beaconpacs.archive.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each flag of a configured AE grants its permission, and only its own; an unconfigured AE keeps them all. */
class AePermissionsTest {

    @ParameterizedTest
    @EnumSource(AePermission.class)
    void eachFlagGrantsItsPermissionAlone(AePermission flag) {
        AePermissions permissions = new AePermissions();
        permissions.update(List.of(remoteWith(flag), remoteWith(null), local()));
        for (AePermission p : AePermission.values()) {
            assertEquals(p == flag, permissions.allows("ONLY", p), flag + " set, " + p + " asked");
            assertFalse(permissions.allows("NONE", p), p + " of an AE with no flag set");
        }
        assertTrue(permissions.allows("UNKNOWN", flag), "an AE that is not configured keeps the defaults");
        assertTrue(permissions.allows(null, flag));
        assertTrue(permissions.allows(" ONLY ", flag), "AE titles compare without their insignificant spaces");
        assertEquals(Set.of("NONE"), permissions.denied(flag), "the local AE is no caller");
    }

    private static AeDto remoteWith(AePermission flag) {
        return new AeDto(null, flag == null ? "NONE" : "ONLY", "10.0.0.1", 104, false, null, false,
                flag == AePermission.STORE, flag == AePermission.QUERY, flag == AePermission.RETRIEVE,
                flag == AePermission.MOVE_DESTINATION, flag == AePermission.PRINT, flag == AePermission.COMMIT, null,
                null);
    }

    private static AeDto local() {
        return new AeDto(null, "BEACON", null, 11112, false, null, true, false, false, false, false, false, false,
                null, null);
    }
}
