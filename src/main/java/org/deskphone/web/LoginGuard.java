package org.deskphone.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.deskphone.loop.Clock;
import org.tinylog.Logger;

/**
 * Slows password guessing: after {@link #FREE_ATTEMPTS} failed logins for one name from one address, that
 * pair is locked out for {@link #FIRST_LOCK}, and each further failure doubles the lock, up to
 * {@link #LONGEST_LOCK}. A successful login clears the count. Counting per address and name keeps a
 * guesser from locking the administrator out everywhere; while locked, the password is not even checked.
 * Callers pass names the phone does not know as one name, so that made-up names cannot grow the table.
 */
final class LoginGuard {
    static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    /** Records idle this long are forgotten. */
    private static final Duration FORGET = Duration.ofHours(1);
    private static final int MAX_RECORDS = 4096;

    private record Failures(int count, long lockedUntil, long last) {
    }

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginGuard(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code address} must still wait before trying {@code user} again; zero when it may try now. */
    Duration wait(String address, String user) {
        Failures record = failures.get(key(address, user));
        long now = clock.millis();
        return record == null || record.lockedUntil <= now ? Duration.ZERO : Duration.ofMillis(record.lockedUntil - now);
    }

    /** A wrong name or password; returns the lock it earned (zero while attempts remain). */
    Duration failed(String address, String user) {
        long now = clock.millis();
        forgetOld(now);
        Failures next = failures.merge(key(address, user), new Failures(1, 0, now), (old, one) -> {
            int count = old.count + 1;
            long lock = 0;
            if (count >= FREE_ATTEMPTS) {
                int doublings = Math.min(count - FREE_ATTEMPTS, 10);
                lock = Math.min(FIRST_LOCK.toMillis() << doublings, LONGEST_LOCK.toMillis());
            }
            return new Failures(count, lock == 0 ? 0 : now + lock, now);
        });
        Duration lock = next.lockedUntil == 0 ? Duration.ZERO : Duration.ofMillis(next.lockedUntil - now);
        if (!lock.isZero()) {
            Logger.warn("web login: {} failed attempts for '{}' from {}; locked for {} s", next.count, user, address, lock.toSeconds());
        }
        return lock;
    }

    void succeeded(String address, String user) {
        failures.remove(key(address, user));
    }

    private void forgetOld(long now) {
        if (failures.size() > MAX_RECORDS / 2) {
            failures.values().removeIf(f -> now - f.last > FORGET.toMillis() && f.lockedUntil <= now);
        }
        if (failures.size() >= MAX_RECORDS) {
            failures.values().removeIf(f -> f.lockedUntil <= now);
        }
    }

    private static String key(String address, String user) {
        return address + " " + user.toLowerCase(Locale.ROOT);
    }
}
