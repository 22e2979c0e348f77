package org.deskphone.hal.mock;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.deskphone.hal.Display;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Screen;

/**
 * A display that keeps what it was last told to show, so tests (and the web UI's virtual phone) can read
 * it; on the PC board it also mirrors each new screen to the terminal.
 */
public final class MockDisplay implements Display {
    private final Geometry geometry;
    private final Consumer<Screen> mirror;
    private final AtomicInteger updates = new AtomicInteger();
    private volatile Screen screen;

    public MockDisplay(Geometry geometry) {
        this(geometry, shown -> { });
    }

    public MockDisplay(Geometry geometry, Consumer<Screen> mirror) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.mirror = Objects.requireNonNull(mirror, "mirror");
        this.screen = Screen.blank(geometry);
    }

    @Override
    public Geometry geometry() {
        return geometry;
    }

    @Override
    public void show(Screen newScreen) {
        if (!newScreen.geometry().equals(geometry)) {
            throw new IllegalArgumentException("screen laid out for " + newScreen.geometry()
                    + " shown on a " + geometry + " display");
        }
        updates.incrementAndGet();
        if (!newScreen.equals(screen)) {
            screen = newScreen;
            mirror.accept(newScreen);
        }
    }

    /** What the display shows now. */
    public Screen screen() {
        return screen;
    }

    /** The display's text as a person reads it: rows joined by newlines, trailing blanks dropped. */
    public String text() {
        return screen.text();
    }

    /** How many times the phone drew on it, changed or not. */
    public int updates() {
        return updates.get();
    }

    @Override
    public void close() {
        // Nothing to release: the last screen stays readable.
    }
}
