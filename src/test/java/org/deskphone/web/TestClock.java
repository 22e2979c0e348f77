package org.deskphone.web;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.deskphone.loop.Clock;

/** A clock the test moves: web sessions and lockouts run on it while the phone loop keeps real time. */
final class TestClock implements Clock {
    private final Instant origin = Instant.parse("2026-11-22T09:00:00Z");
    private final AtomicLong millis = new AtomicLong(1_000_000);

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant now() {
        return origin.plusMillis(millis.get());
    }

    void advance(Duration step) {
        millis.addAndGet(step.toMillis());
    }
}
