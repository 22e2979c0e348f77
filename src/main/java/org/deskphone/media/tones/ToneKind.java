package org.deskphone.media.tones;

/** The call-progress tones a phone plays locally. */
public enum ToneKind {
    DIAL,
    /** After a prefix such as the outside-line digit (ALE {@code SettingSecondaryDialTone}). */
    SECONDARY_DIAL,
    RINGBACK,
    BUSY,
    CONGESTION,
    CALL_WAITING,
    /** Dial tone broken up: a message is waiting (ALE {@code SettingStutterEnable}, seed L4338). */
    STUTTER
}
