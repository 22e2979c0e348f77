package org.deskphone.media.dtmf;

/**
 * In-band DTMF: writes the Q.23 frequency pair of a digit into PCM, the high tone 2 dB above the low one (a
 * little forward twist, as Q.23 allows), for the configured duration, then a pause of the same length. Phase
 * continuous across frames; allocates nothing.
 */
public final class DtmfGenerator {
    private static final double LOW_AMPLITUDE = 6500;
    private static final double HIGH_AMPLITUDE = 8200;

    private final int sampleRate;
    private final int toneSamples;
    private final double gain;
    private final char[] waiting = new char[32];
    private int waitHead;
    private int waitCount;
    private char digit;
    private int position = -1;
    private double lowStep;
    private double highStep;

    public DtmfGenerator(int sampleRate, DtmfSettings settings) {
        this.sampleRate = sampleRate;
        this.toneSamples = sampleRate / 1000 * settings.durationMillis();
        this.gain = Math.pow(10, settings.levelBiasDb() / 20.0);
    }

    public boolean queue(char d) {
        DtmfDigit.event(d);
        if (waitCount == waiting.length) {
            return false;
        }
        waiting[(waitHead + waitCount++) % waiting.length] = d;
        return true;
    }

    public boolean busy() {
        return position >= 0 || waitCount > 0;
    }

    /** Replaces {@code samples} samples of {@code pcm} with the tone while a digit plays; returns whether it did. */
    public boolean fill(short[] pcm, int offset, int samples) {
        if (position < 0) {
            if (waitCount == 0) {
                return false;
            }
            digit = waiting[waitHead];
            waitHead = (waitHead + 1) % waiting.length;
            waitCount--;
            position = 0;
            lowStep = 2 * Math.PI * DtmfDigit.row(digit) / sampleRate;
            highStep = 2 * Math.PI * DtmfDigit.column(digit) / sampleRate;
        }
        for (int i = 0; i < samples; i++) {
            int n = position + i;
            double value = n < toneSamples
                    ? gain * (LOW_AMPLITUDE * Math.sin(lowStep * n) + HIGH_AMPLITUDE * Math.sin(highStep * n))
                    : 0;
            pcm[offset + i] = (short) Math.round(value);
        }
        position += samples;
        if (position >= 2 * toneSamples) {
            position = -1;
        }
        return true;
    }
}
