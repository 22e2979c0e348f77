package org.deskphone.sip;

import java.time.Duration;
import java.util.Random;

/**
 * When to try again after a registration failed: the configured interval (Yealink
 * {@code account.X.reg_fail_retry_interval}, seed L14025, default 30 s), doubled for each failure in a row
 * up to 32 times the interval and at most 30 minutes, with ±20 % jitter so that phones that lost the same
 * server do not come back in step. A wrong password fails the same way: never a storm.
 */
final class RetrySchedule {
    static final Duration CEILING = Duration.ofMinutes(30);

    private RetrySchedule() {
    }

    /** The delay before attempt number {@code failures + 1}, {@code failures} counting from 1. */
    static Duration after(int failures, Duration interval, Random random) {
        long base = Math.max(1000, interval.toMillis());
        int doublings = Math.min(Math.max(0, failures - 1), 5);
        long delay = Math.min(base << doublings, Math.max(base, CEILING.toMillis()));
        double jitter = 0.8 + 0.4 * random.nextDouble();
        return Duration.ofMillis(Math.round(delay * jitter));
    }
}
