package org.deskphone.provision;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends a download that outlives its attempt time: the transports' blocking reads have no deadline of
 * their own, so at the deadline their socket or stream is closed under them. One daemon thread serves all.
 */
final class Watchdog {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "provision-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private Watchdog() {
    }

    /** Runs {@code giveUp} after {@code delay} unless the returned future is cancelled first. */
    static ScheduledFuture<?> after(Duration delay, Runnable giveUp) {
        return TIMER.schedule(giveUp, Math.max(1, delay.toNanos()), TimeUnit.NANOSECONDS);
    }
}
