package org.beaconpacs.archive.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static String problem(String user, String password) {
        return PasswordPolicy.problem(user, password).map(p -> p.key()).orElse("ok");
    }

    @Test
    void aLongUnusualPasswordIsTaken() {
        assertEquals("ok", problem("alice", "lookout-9-rivers"));
        assertEquals("ok", problem("bo", "bo-the-radiologist")); // a two-letter name is no telling part
    }

    @Test
    void whatAGuesserTriesFirstIsRefused() {
        assertEquals("user.password", problem("alice", "short"));
        assertEquals("user.password", problem("alice", null));
        assertEquals("user.password.name", problem("alice", "Alice-2026-xyz"));
        assertEquals("user.password.simple", problem("alice", "aaaaaaaaaaaa"));
        assertEquals("user.password.simple", problem("alice", "ababababab"));
        assertEquals("user.password.simple", problem("alice", "abcdefghijk"));
        assertEquals("user.password.simple", problem("alice", "9876543210"));
        assertEquals("user.password.simple", problem("alice", "qwertyuiop"));
        assertEquals("user.password.common", problem("alice", "Password123"));
        assertEquals("user.password.common", problem("alice", "administrator!"));
    }

    @Test
    void theSlowDownDoublesFromTheThresholdUpToAMinute() {
        assertEquals(0, LoginThrottle.delayMillis(2, 3));
        assertEquals(1000, LoginThrottle.delayMillis(3, 3));
        assertEquals(2000, LoginThrottle.delayMillis(4, 3));
        assertEquals(60_000, LoginThrottle.delayMillis(40, 3));
        assertTrue(LoginThrottle.delayMillis(9, 3) <= 60_000);
    }
}
