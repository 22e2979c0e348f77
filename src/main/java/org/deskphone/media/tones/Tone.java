package org.deskphone.media.tones;

import java.util.List;

/**
 * A call-progress tone: segments played once (the prelude), then segments repeated for as long as the tone
 * plays (the cycle). A segment sounds up to four frequencies together, or is silence, for a duration or, if
 * {@link Segment#FOREVER}, until the tone is stopped.
 */
public record Tone(List<Segment> prelude, List<Segment> cycle) {

    public Tone {
        prelude = List.copyOf(prelude);
        cycle = List.copyOf(cycle);
        if (prelude.isEmpty() && cycle.isEmpty()) {
            throw new IllegalArgumentException("a tone needs at least one segment");
        }
    }

    /** One group: frequencies in Hz (empty for silence) and a duration in ms. */
    public record Segment(List<Integer> frequencies, int durationMillis) {
        public static final int FOREVER = -1;

        public Segment {
            frequencies = List.copyOf(frequencies);
        }

        public boolean silent() {
            return frequencies.isEmpty();
        }
    }

    /** A steady tone of the given frequencies. */
    public static Tone continuous(Integer... frequencies) {
        return new Tone(List.of(), List.of(new Segment(List.of(frequencies), Segment.FOREVER)));
    }

    /** True when the tone ends by itself (everything is played once). */
    public boolean finite() {
        return cycle.isEmpty();
    }
}
