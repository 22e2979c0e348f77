package org.deskphone.loop;

import java.time.Duration;
import java.time.Instant;

/**
 * Time that moves only when a test moves it. Use it through {@link PhoneLoop#advance(Duration)}, which
 * steps the clock to each timer's due time in order and runs the timer there, so that a test sees
 * exactly the sequence of events a real phone would see.
 */
public final class VirtualClock implements Clock {
    private final Instant origin;
    private volatile long millis;

    /** A virtual clock whose wall time starts at {@code origin} and whose monotonic time starts at 0. */
    public VirtualClock(Instant origin) {
        this.origin = origin;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant now() {
        return origin.plusMillis(millis);
    }

    void set(long newMillis) {
        if (newMillis < millis) {
            throw new IllegalArgumentException("virtual time cannot go back: " + newMillis + " < " + millis);
        }
        millis = newMillis;
    }

    @Override
    public String toString() {
        return "virtual clock at " + now();
    }
}
