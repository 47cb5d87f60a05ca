package org.beaconpacs.archive.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    @Test
    void failuresTravelAsTextAndComeBackTheSame() {
        LoginThrottle.Failures f = new LoginThrottle.Failures(7, 1_800_000_000_123L, 1_800_000_900_123L);
        assertEquals(f, LoginThrottle.Failures.of(f.text()));
        assertNull(LoginThrottle.Failures.of(null));
    }

    @Test
    void theDelayDoublesFromTheThresholdUpToAMinute() {
        assertEquals(0, LoginThrottle.delayMillis(2, 3));
        assertEquals(1000, LoginThrottle.delayMillis(3, 3));
        assertEquals(4000, LoginThrottle.delayMillis(5, 3));
        assertEquals(60_000, LoginThrottle.delayMillis(40, 3));
    }
}
