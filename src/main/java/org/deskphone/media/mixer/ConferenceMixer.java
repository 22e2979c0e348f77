package org.deskphone.media.mixer;

/**
 * Mixes a frame of the local phone with its call legs, all at the device's rate. The speaker hears every leg
 * that is heard (a held leg is not); each leg is sent the microphone and, when the leg is in the local
 * conference, every other conferenced leg too, but never itself (mix-minus). Sums saturate to 16 bits.
 * The ALE manual hosts up to {@code SIPConfPartyMax} parties, 3-6 (seed L13636), the phone included.
 * Allocates nothing after construction.
 */
public final class ConferenceMixer {
    /** ALE {@code SIPConfPartyMax} default (seed L13636): six parties, this phone among them. */
    public static final int DEFAULT_PARTY_MAX = 6;

    private final int[] conferenceSum;

    public ConferenceMixer(int maxSamples) {
        this.conferenceSum = new int[maxSamples];
    }

    /**
     * @param mic the microphone frame
     * @param legIn what each leg received, decoded and resampled to the device's rate
     * @param heard whether leg i is played on the speaker
     * @param conferenced whether leg i is part of the local conference
     * @param legs how many legs are in use (the first {@code legs} entries)
     * @param speaker receives the sum of the heard legs, added to what is there (tones)
     * @param legOut receives, per leg, what to send
     */
    public void mix(short[] mic, short[][] legIn, boolean[] heard, boolean[] conferenced, int legs, short[] speaker,
            short[][] legOut, int samples) {
        java.util.Arrays.fill(conferenceSum, 0, samples, 0);
        for (int leg = 0; leg < legs; leg++) {
            short[] in = legIn[leg];
            if (heard[leg]) {
                for (int i = 0; i < samples; i++) {
                    speaker[i] = saturate(speaker[i] + in[i]);
                }
            }
            if (conferenced[leg]) {
                for (int i = 0; i < samples; i++) {
                    conferenceSum[i] += in[i];
                }
            }
        }
        for (int leg = 0; leg < legs; leg++) {
            short[] out = legOut[leg];
            short[] in = legIn[leg];
            if (conferenced[leg]) {
                for (int i = 0; i < samples; i++) {
                    out[i] = saturate(mic[i] + conferenceSum[i] - in[i]);
                }
            } else {
                System.arraycopy(mic, 0, out, 0, samples);
            }
        }
    }

    static short saturate(int v) {
        return (short) (v > 32767 ? 32767 : Math.max(v, -32768));
    }
}
