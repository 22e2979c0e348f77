package org.deskphone.keys;

import java.util.Objects;
import org.deskphone.hal.Key;
import org.deskphone.hal.LedState;

/** One configurable key at one moment, for readers off the loop (the web UI's keys page): immutable. */
public record KeyState(Key key, KeyBinding binding, LedState led) {

    public KeyState {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(led, "led");
    }
}
