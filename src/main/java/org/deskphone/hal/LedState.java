package org.deskphone.hal;

import java.util.Objects;

/** What an LED shows: a colour and a pattern. Drivers of single-colour LEDs ignore the colour. */
public record LedState(Color color, Pattern pattern) {

    public enum Color {
        GREEN, RED, ORANGE
    }

    /** Blink rates follow the usual desk-phone conventions: slow for held/waiting, fast for ringing. */
    public enum Pattern {
        OFF, ON, BLINK_SLOW, BLINK_FAST
    }

    public static final LedState OFF = new LedState(Color.GREEN, Pattern.OFF);

    public LedState {
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(pattern, "pattern");
    }

    public static LedState on(Color color) {
        return new LedState(color, Pattern.ON);
    }

    public boolean isOff() {
        return pattern == Pattern.OFF;
    }
}
