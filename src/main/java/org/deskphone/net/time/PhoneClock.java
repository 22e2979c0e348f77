package org.deskphone.net.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.deskphone.loop.Clock;

/**
 * The phone's wall clock: the system's (or a test's) clock, moved by the offset the phone's time source
 * found (SNTP, the SIP {@code Date} header, or the time the user set). Timers keep running on the base
 * clock's monotonic time, so a correction never fires or delays them. The system clock itself is never
 * set. Any thread may read it; only the {@link TimeKeeper} moves it.
 */
public final class PhoneClock implements Clock {
    private final Clock base;
    private volatile long offsetNanos;

    public PhoneClock(Clock base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** The clock the offset is measured against. */
    public Clock base() {
        return base;
    }

    @Override
    public long millis() {
        return base.millis();
    }

    @Override
    public Instant now() {
        return base.now().plusNanos(offsetNanos);
    }

    /** How far the phone's time is ahead of the base clock. */
    public Duration offset() {
        return Duration.ofNanos(offsetNanos);
    }

    void setOffset(Duration offset) {
        offsetNanos = offset.toNanos();
    }

    @Override
    public String toString() {
        return "phone clock (" + base + " " + (offsetNanos >= 0 ? "+" : "") + offset().toMillis() + " ms)";
    }
}
