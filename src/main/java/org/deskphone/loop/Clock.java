package org.deskphone.loop;

import java.time.Instant;

/**
 * The phone's sense of time. Timers run on {@link #millis()}, which only moves forward; what the user
 * sees (the idle clock, call history) comes from {@link #now()}, which follows the wall clock and may jump.
 * Core code never reads {@link System#currentTimeMillis()} itself, so tests can replace time.
 */
public interface Clock {

    /** Monotonic milliseconds since an arbitrary origin. */
    long millis();

    /** Wall-clock time. */
    Instant now();

    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
