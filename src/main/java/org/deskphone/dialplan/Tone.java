package org.deskphone.dialplan;

/** What the phone plays while it collects keys. */
public enum Tone {
    /** Nothing typed yet, or the typed digits are {@code features.redial_tone} (seed 000 L10001-10028). */
    DIAL,
    /** The input reached a {@code ,} of the digit map (seed 004 L6234-6237). */
    SECONDARY_DIAL,
    /** Keys are being typed: silence. */
    NONE
}
