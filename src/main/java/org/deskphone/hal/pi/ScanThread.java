package org.deskphone.hal.pi;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A driver's own thread: runs one pass every period until closed. A pass that throws is handed to
 * {@code onError} once, and again only after a pass has succeeded in between, so a loose cable reports
 * itself without flooding the phone loop; the thread keeps trying, which is what recovers the driver when
 * the cable is pushed back in.
 */
final class ScanThread implements AutoCloseable {
    private final Thread thread;
    private final long periodNanos;
    private final Runnable pass;
    private final Consumer<Exception> onError;
    private volatile boolean running = true;
    private boolean failing;

    ScanThread(String name, Duration period, Runnable pass, Consumer<Exception> onError) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("scan period must be positive: " + period);
        }
        this.periodNanos = period.toNanos();
        this.pass = Objects.requireNonNull(pass, "pass");
        this.onError = Objects.requireNonNull(onError, "onError");
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        long next = System.nanoTime();
        while (running) {
            try {
                pass.run();
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) {
                    failing = true;
                    onError.accept(e);
                }
            }
            next += periodNanos;
            long wait = next - System.nanoTime();
            if (wait <= 0) {
                // Fell behind (a stalled bus, a descheduled JVM): start afresh rather than catch up in a burst.
                next = System.nanoTime();
                continue;
            }
            LockSupport.parkNanos(this, wait);
        }
    }

    /** Stops the thread and waits for its pass in progress to end. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        if (thread.isAlive() && Thread.currentThread() != thread) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
