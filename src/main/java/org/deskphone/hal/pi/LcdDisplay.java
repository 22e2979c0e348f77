package org.deskphone.hal.pi;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.deskphone.hal.Display;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Screen;

/**
 * The phone's display on a {@link Panel}, drawn by a thread of its own: a 20x4 LCD takes tens of
 * milliseconds to rewrite over I2C, far too long for the phone loop to wait. {@link #show(Screen)} only
 * hands over the newest screen; screens shown faster than the panel draws are skipped, never queued. A
 * failed draw is handed to {@code onError} once; the thread then starts the controller afresh and
 * retries every second, which recovers a display that lost power or its cable.
 */
final class LcdDisplay implements Display {
    private static final long RETRY_NANOS = 1_000_000_000L;

    private final Panel panel;
    private final Pins pins;
    private final Consumer<Exception> onError;
    private final AtomicReference<Screen> pending = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Screen drawn;

    LcdDisplay(Panel panel, Pins pins, Consumer<Exception> onError) {
        this.panel = panel;
        this.pins = pins;
        this.onError = Objects.requireNonNull(onError, "onError");
        this.thread = new Thread(this::run, "lcd");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public Geometry geometry() {
        return panel.geometry();
    }

    @Override
    public void show(Screen screen) {
        if (!screen.geometry().equals(panel.geometry())) {
            throw new IllegalArgumentException("screen laid out for " + screen.geometry()
                    + " shown on a " + panel.geometry() + " display");
        }
        pending.set(screen);
        LockSupport.unpark(thread);
    }

    /** The last screen the panel finished drawing; null before the first. */
    Screen drawn() {
        return drawn;
    }

    private void run() {
        boolean started = false;
        boolean failing = false;
        while (running) {
            Screen screen = pending.getAndSet(null);
            if (screen == null) {
                LockSupport.park(this);
                continue;
            }
            try {
                if (!started) {
                    panel.start();
                    started = true;
                }
                panel.draw(screen);
                drawn = screen;
                failing = false;
            } catch (RuntimeException e) {
                started = false;
                pending.compareAndSet(null, screen);
                if (!failing) {
                    failing = true;
                    onError.accept(new IllegalStateException("display " + panel.geometry() + " failed: " + e.getMessage(), e));
                }
                LockSupport.parkNanos(this, RETRY_NANOS);
            }
        }
    }

    /** Stops the thread, turns the display off and releases its bus. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            panel.close();
        } finally {
            pins.close();
        }
    }
}
