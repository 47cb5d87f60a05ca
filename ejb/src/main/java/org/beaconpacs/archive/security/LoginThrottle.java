package org.beaconpacs.archive.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * Slows down and then locks out password guessing. Per user name: after {@code BEACON_LOGIN_SLOW_AFTER}
 * failures in a row each further attempt must wait (1 s, 2 s, 4 s… up to 60 s) and is refused unchecked
 * before then; after {@code BEACON_LOGIN_MAX_FAILURES} the name is locked for {@code BEACON_LOGIN_LOCK_SECONDS},
 * even for the right password. Per client address (one guessing many names): locked at five times as many
 * failures in a row, without a slow-down (a clinic behind one address keeps working while one user mistypes).
 * A success forgets the failures of its name and of its address. Counted in the Infinispan cache
 * {@code login-failures}, so that every node of a cluster counts the same guesses. The settings are read at
 * each attempt (system properties {@code beacon.login.*}).
 */
@ApplicationScoped
public class LoginThrottle {

    /** What a login attempt may do now. */
    public record Verdict(boolean allowed, long retryAfterSeconds, boolean locked) {
        static final Verdict ALLOWED = new Verdict(true, 0, false);
    }

    /**
     * The failures in a row of one user name or address. Kept in the cache as text: in a cluster the cache is
     * replicated, and a JDK type is what every node can read without the deployment's classes.
     */
    record Failures(int count, long lastMillis, long lockedUntilMillis) {

        static Failures of(String text) {
            if (text == null) {
                return null;
            }
            String[] f = text.split(":");
            return new Failures(Integer.parseInt(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]));
        }

        String text() {
            return count + ":" + lastMillis + ":" + lockedUntilMillis;
        }
    }

    static final int ADDRESS_FACTOR = 5;
    private static final long MAX_DELAY_MILLIS = 60_000;

    @Resource(lookup = "java:jboss/infinispan/cache/beacon/login-failures")
    private Cache<String, String> failures;
    @Inject
    private Event<UserAuthenticated> authenticated;

    private static int slowAfter() {
        return Integer.getInteger("beacon.login.slow-after", 3);
    }

    private static int maxFailures() {
        return Integer.getInteger("beacon.login.max-failures", 10);
    }

    private static long lockMillis() {
        return TimeUnit.SECONDS.toMillis(Long.getLong("beacon.login.lock-seconds", 900));
    }

    /** Whether {@code user} from {@code address} may try a password now. */
    public Verdict check(String user, String address) {
        long now = System.currentTimeMillis();
        Verdict byName = verdict(Failures.of(failures.get(nameKey(user))), now, true);
        Verdict byAddress = verdict(Failures.of(failures.get(addressKey(address))), now, false);
        if (!byName.allowed() || !byAddress.allowed()) {
            return byName.retryAfterSeconds() >= byAddress.retryAfterSeconds() ? byName : byAddress;
        }
        return Verdict.ALLOWED;
    }

    /** A wrong password: counted for the name and the address; a lock is audited. */
    public void failed(String user, String address) {
        long now = System.currentTimeMillis();
        if (count(nameKey(user), now, maxFailures())) {
            authenticated.fire(new UserAuthenticated(user, address, UserAuthenticated.Kind.LOGIN, false,
                    "user name locked for " + lockMillis() / 1000 + " s after " + maxFailures()
                            + " failed logins in a row"));
        }
        if (count(addressKey(address), now, maxFailures() * ADDRESS_FACTOR)) {
            authenticated.fire(new UserAuthenticated(user, address, UserAuthenticated.Kind.LOGIN, false,
                    "address " + address + " locked for " + lockMillis() / 1000 + " s after "
                            + maxFailures() * ADDRESS_FACTOR + " failed logins in a row"));
        }
    }

    /** The right password: the failures of the name and of the address are forgotten. */
    public void succeeded(String user, String address) {
        failures.remove(nameKey(user));
        failures.remove(addressKey(address));
    }

    /**
     * Counts one failure; true when it locks. A conditional write, tried again when another request (on this
     * node or another) counted meanwhile: no function travels to the cache's other nodes.
     */
    private boolean count(String key, long now, int lockAt) {
        long lifespan = lockMillis() + MAX_DELAY_MILLIS;
        while (true) {
            String old = failures.get(key);
            Failures f = Failures.of(old);
            int count = f == null || f.lockedUntilMillis() != 0 && f.lockedUntilMillis() <= now ? 1 : f.count() + 1;
            long lockedUntil = f != null && f.lockedUntilMillis() > now ? f.lockedUntilMillis() : 0;
            boolean locks = false;
            if (lockedUntil == 0 && count >= lockAt) {
                lockedUntil = now + lockMillis();
                locks = true;
            }
            String next = new Failures(count, now, lockedUntil).text();
            boolean written = old == null
                    ? failures.putIfAbsent(key, next, lifespan, TimeUnit.MILLISECONDS) == null
                    : failures.replace(key, old, next, lifespan, TimeUnit.MILLISECONDS);
            if (written) {
                return locks;
            }
        }
    }

    private Verdict verdict(Failures f, long now, boolean slows) {
        if (f == null) {
            return Verdict.ALLOWED;
        }
        if (f.lockedUntilMillis() > now) {
            return new Verdict(false, seconds(f.lockedUntilMillis() - now), true);
        }
        if (f.lockedUntilMillis() != 0) {
            return Verdict.ALLOWED; // the lock is over: a fresh start
        }
        if (!slows) {
            return Verdict.ALLOWED;
        }
        long due = f.lastMillis() + delayMillis(f.count(), slowAfter());
        return due > now ? new Verdict(false, seconds(due - now), false) : Verdict.ALLOWED;
    }

    /** 0 up to the slow-down threshold, then 1 s, doubling, at most 60 s. */
    static long delayMillis(int count, int slowAfter) {
        int over = count - slowAfter;
        if (over < 0) {
            return 0;
        }
        return Math.min(MAX_DELAY_MILLIS, 1000L << Math.min(over, 16));
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    private static String nameKey(String user) {
        return "user:" + (user == null ? "" : user.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
