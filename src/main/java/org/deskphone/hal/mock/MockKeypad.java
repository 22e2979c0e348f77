package org.deskphone.hal.mock;

import java.util.function.Consumer;
import org.deskphone.hal.Key;
import org.deskphone.hal.KeyEvent;
import org.deskphone.hal.Keypad;

/**
 * A keypad pressed by software: by tests, by the terminal on the PC board, later by the web UI's
 * virtual phone. Events are delivered on the caller's thread, as a hardware driver would on its own.
 */
public final class MockKeypad implements Keypad {
    private static final Consumer<KeyEvent> CLOSED = event -> { };
    private volatile Consumer<KeyEvent> listener = CLOSED;

    @Override
    public void open(Consumer<KeyEvent> newListener) {
        listener = newListener;
    }

    public void down(Key key) {
        listener.accept(KeyEvent.down(key));
    }

    public void up(Key key) {
        listener.accept(KeyEvent.up(key));
    }

    /** A short press: down, then up. */
    public void press(Key key) {
        down(key);
        up(key);
    }

    /** Presses the dial-pad keys for each of {@code symbols} ({@code 0-9 * #}) in turn. */
    public void type(String symbols) {
        for (char symbol : symbols.toCharArray()) {
            press(Key.dialPad(symbol));
        }
    }

    @Override
    public void close() {
        listener = CLOSED;
    }
}
