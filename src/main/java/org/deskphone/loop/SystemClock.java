package org.deskphone.loop;

import java.time.Instant;

final class SystemClock implements Clock {
    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long millis() {
        return System.nanoTime() / 1_000_000L;
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public String toString() {
        return "system clock";
    }
}
