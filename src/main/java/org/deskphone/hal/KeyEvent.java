package org.deskphone.hal;

import java.util.Objects;

/** A key went down or came up. Long presses are measured by the core from the two events. */
public record KeyEvent(Key key, boolean down) {

    public KeyEvent {
        Objects.requireNonNull(key, "key");
    }

    public static KeyEvent down(Key key) {
        return new KeyEvent(key, true);
    }

    public static KeyEvent up(Key key) {
        return new KeyEvent(key, false);
    }

    @Override
    public String toString() {
        return key + (down ? " down" : " up");
    }
}
