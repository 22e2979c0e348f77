package org.deskphone.testing;

import java.time.Duration;
import java.time.Instant;
import org.deskphone.loop.Clock;

/** This machine's clock, moved by a fixed amount: a phone whose time is wrong until it synchronises. */
public final class SkewedClock implements Clock {
    private final Duration skew;

    public SkewedClock(Duration skew) {
        this.skew = skew;
    }

    /** An hour behind. */
    public static SkewedClock hourBehind() {
        return new SkewedClock(Duration.ofHours(-1));
    }

    @Override
    public long millis() {
        return System.nanoTime() / 1_000_000;
    }

    @Override
    public Instant now() {
        return Instant.now().plus(skew);
    }
}
