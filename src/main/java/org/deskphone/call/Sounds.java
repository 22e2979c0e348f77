package org.deskphone.call;

/**
 * The phone's own sounds: the features say what should play now, the media engine plays it. Called on the
 * phone loop each time what should play changes; must not block.
 */
public interface Sounds {

    /** Plays {@code sound} in place of what plays now; {@link Sound#SILENCE} stops it. */
    void play(Sound sound);

    /** Plays nothing: for a phone without audio, and tests that do not listen. */
    Sounds NONE = sound -> { };
}
