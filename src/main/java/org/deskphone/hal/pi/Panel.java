package org.deskphone.hal.pi;

import org.deskphone.hal.Geometry;
import org.deskphone.hal.Screen;

/**
 * A display controller spoken to directly: it draws a screen by sending the controller's own commands.
 * {@link LcdDisplay} calls it from its thread only, so a panel needs no locking.
 */
interface Panel extends AutoCloseable {

    Geometry geometry();

    /** Resets and initialises the controller, leaving it blank and on. Slow: it waits as the datasheet says. */
    void start();

    /** Draws {@code screen}, sending only what differs from the screen drawn before. */
    void draw(Screen screen);

    /** Turns the display off and releases its bus. */
    @Override
    void close();

    /** How a panel waits for its controller; tests record the waits instead of sleeping. */
    @FunctionalInterface
    interface Pause {
        Pause SLEEP = micros -> java.util.concurrent.locks.LockSupport.parkNanos(micros * 1000L);

        void micros(long micros);
    }
}
