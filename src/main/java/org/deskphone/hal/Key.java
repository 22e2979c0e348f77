package org.deskphone.hal;

import java.util.Objects;

/**
 * A key of a desk phone. Most keys are unique ({@code HOLD}, {@code OK}); digits, line keys,
 * programmable keys and soft keys are numbered: digits 0–9, the others from 1.
 */
public record Key(Kind kind, int index) {

    public enum Kind {
        DIGIT, STAR, POUND,
        LINE, PROGRAMMABLE, SOFT,
        UP, DOWN, LEFT, RIGHT, OK, CANCEL,
        HOLD, TRANSFER, CONFERENCE, REDIAL, DND, MUTE,
        VOLUME_UP, VOLUME_DOWN, SPEAKER, HEADSET, MESSAGE, MENU;

        boolean numbered() {
            return this == DIGIT || this == LINE || this == PROGRAMMABLE || this == SOFT;
        }
    }

    public Key {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.DIGIT && (index < 0 || index > 9)) {
            throw new IllegalArgumentException("digit out of range: " + index);
        }
        if (kind.numbered() && kind != Kind.DIGIT && index < 1) {
            throw new IllegalArgumentException(kind + " keys are numbered from 1: " + index);
        }
        if (!kind.numbered() && index != 0) {
            throw new IllegalArgumentException(kind + " is not a numbered key");
        }
    }

    public static Key of(Kind kind) {
        return new Key(kind, 0);
    }

    public static Key digit(int digit) {
        return new Key(Kind.DIGIT, digit);
    }

    public static Key line(int number) {
        return new Key(Kind.LINE, number);
    }

    public static Key programmable(int number) {
        return new Key(Kind.PROGRAMMABLE, number);
    }

    public static Key soft(int number) {
        return new Key(Kind.SOFT, number);
    }

    /** The dial-pad key for {@code 0-9}, {@code *} or {@code #}. */
    public static Key dialPad(char symbol) {
        if (symbol >= '0' && symbol <= '9') {
            return digit(symbol - '0');
        }
        if (symbol == '*') {
            return of(Kind.STAR);
        }
        if (symbol == '#') {
            return of(Kind.POUND);
        }
        throw new IllegalArgumentException("not a dial-pad key: '" + symbol + "'");
    }

    /** True for 0–9, * and #. */
    public boolean isDialPad() {
        return kind == Kind.DIGIT || kind == Kind.STAR || kind == Kind.POUND;
    }

    /** The character a dial-pad key dials; only for {@link #isDialPad()} keys. */
    public char symbol() {
        switch (kind) {
            case DIGIT:
                return (char) ('0' + index);
            case STAR:
                return '*';
            case POUND:
                return '#';
            default:
                throw new IllegalStateException(this + " dials no symbol");
        }
    }

    @Override
    public String toString() {
        return kind.numbered() ? kind + " " + index : kind.toString();
    }
}
