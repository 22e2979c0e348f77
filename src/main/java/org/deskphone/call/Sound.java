package org.deskphone.call;

import java.util.Objects;
import org.deskphone.media.tones.ToneKind;

/** What the phone's speaker (or earpiece) plays on its own: nothing, a call-progress tone, or a ring tone. */
public sealed interface Sound {

    Sound SILENCE = new Silence();

    static Sound tone(ToneKind kind) {
        return new Tone(kind);
    }

    static Sound ring(String melody) {
        return new Ring(melody);
    }

    record Silence() implements Sound {
    }

    /** A call-progress tone of the configured country (or the custom tone). */
    record Tone(ToneKind kind) implements Sound {
        public Tone {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * A ring tone by name: a file of the phone's ring tones ({@code Ring3.wav}, {@code Custom:lin.wav}),
     * an ALE melody name ({@code Light Bounce}) or a distinctive ring ({@code Bellcore-dr2}).
     */
    record Ring(String melody) implements Sound {
        public Ring {
            Objects.requireNonNull(melody, "melody");
        }
    }
}
