package org.deskphone.hal;

import java.util.function.Consumer;

/**
 * The phone's keys. A driver delivers events on its own thread; the phone posts them to its loop and
 * never acts on them in the driver's thread.
 */
public interface Keypad extends AutoCloseable {

    /** Starts delivering key events to {@code listener}. Called once. */
    void open(Consumer<KeyEvent> listener);

    /** Stops delivering events and releases the hardware; joins the driver's thread if it has one. */
    @Override
    void close();
}
