package org.deskphone.voice;

import java.util.Map;
import java.util.Objects;
import org.deskphone.media.tones.CountryTones;
import org.deskphone.media.tones.Tone;
import org.deskphone.media.tones.ToneKind;

/**
 * The call-progress tones this phone plays: a country's built-in set ({@link CountryTones}), with the
 * configured custom tones in place of some of them. Play one with {@code MediaEngine.playTone}.
 *
 * @param country the {@link CountryTones} key, such as {@code uk} or {@code de}
 * @param custom  configured tones that replace the country's
 */
public record ToneSet(String country, Map<ToneKind, Tone> custom) {

    public ToneSet {
        Objects.requireNonNull(country, "country");
        custom = Map.copyOf(custom);
        CountryTones.tone(country, ToneKind.DIAL); // an unknown country fails here, not when a tone is wanted
    }

    public Tone tone(ToneKind kind) {
        Tone own = custom.get(kind);
        return own != null ? own : CountryTones.tone(country, kind);
    }
}
