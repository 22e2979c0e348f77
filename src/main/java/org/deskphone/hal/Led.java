package org.deskphone.hal;

import java.util.Objects;

/** An LED of the phone. Line and programmable key LEDs are numbered from 1; the others are unique. */
public record Led(Kind kind, int index) {

    public enum Kind {
        POWER, MESSAGE, LINE, PROGRAMMABLE, SPEAKER, HEADSET, MUTE
    }

    public Led {
        Objects.requireNonNull(kind, "kind");
        boolean numbered = kind == Kind.LINE || kind == Kind.PROGRAMMABLE;
        if (numbered ? index < 1 : index != 0) {
            throw new IllegalArgumentException("bad index " + index + " for LED " + kind);
        }
    }

    public static Led of(Kind kind) {
        return new Led(kind, 0);
    }

    public static Led line(int number) {
        return new Led(Kind.LINE, number);
    }

    public static Led programmable(int number) {
        return new Led(Kind.PROGRAMMABLE, number);
    }

    @Override
    public String toString() {
        return index > 0 ? kind + " " + index : kind.toString();
    }
}
