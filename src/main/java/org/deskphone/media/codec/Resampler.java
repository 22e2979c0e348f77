package org.deskphone.media.codec;

/**
 * Converts 16-bit PCM between two rates by a rational factor (8, 16, 48 kHz and any other pair): a
 * polyphase windowed-sinc low-pass filter, cut off below the lower of the two Nyquist frequencies. One
 * instance per direction and stream; it keeps the filter's history across frames and allocates nothing
 * after construction.
 */
public final class Resampler {
    private static final int TAPS_PER_STEP = 32;

    private final int fromRate;
    private final int toRate;
    private final int up;
    private final int down;
    private final int taps; // per phase
    private final float[] coefficients; // phase-major: coefficients[phase * taps + k]
    private final float[] buffer;
    private final int history;
    private int position; // next output's index in the upsampled domain, relative to the current block

    /** A resampler for blocks of at most {@code maxInput} samples. */
    public Resampler(int fromRate, int toRate, int maxInput) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("rates must be positive: " + fromRate + " -> " + toRate);
        }
        int gcd = gcd(fromRate, toRate);
        this.fromRate = fromRate;
        this.toRate = toRate;
        this.up = toRate / gcd;
        this.down = fromRate / gcd;
        // Long enough for the steeper of the two rates' filters: decimating by 6 needs 6 times the taps.
        this.taps = TAPS_PER_STEP * Math.max(up, down) / up;
        this.history = taps - 1;
        this.buffer = new float[history + maxInput];
        this.coefficients = design(up, down, taps);
    }

    private static float[] design(int up, int down, int taps) {
        int length = taps * up;
        double cutoff = 0.5 / Math.max(up, down) * 0.92; // of the upsampled rate, a little under the lower Nyquist
        double[] prototype = new double[length];
        double centre = (length - 1) / 2.0;
        for (int n = 0; n < length; n++) {
            double t = n - centre;
            double sinc = t == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
            double window = 0.42 - 0.5 * Math.cos(2 * Math.PI * (n + 0.5) / length) + 0.08 * Math.cos(4 * Math.PI * (n + 0.5) / length);
            prototype[n] = sinc * window * up;
        }
        float[] polyphase = new float[length];
        for (int phase = 0; phase < up; phase++) {
            for (int k = 0; k < taps; k++) {
                polyphase[phase * taps + k] = (float) prototype[phase + k * up];
            }
        }
        return polyphase;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    public int fromRate() {
        return fromRate;
    }

    public int toRate() {
        return toRate;
    }

    /** True when the rates are equal and {@link #process} merely copies. */
    public boolean isIdentity() {
        return up == down;
    }

    /** Output samples for {@code inputSamples} input samples, when that is a whole number (frames of 5 ms multiples are). */
    public int outputSamples(int inputSamples) {
        return (int) ((long) inputSamples * up / down);
    }

    /** Resamples {@code count} samples of {@code in} into {@code out}; returns the samples written. */
    public int process(short[] in, int inOffset, int count, short[] out, int outOffset) {
        if (up == down) {
            System.arraycopy(in, inOffset, out, outOffset, count);
            return count;
        }
        if (count > buffer.length - history) {
            throw new IllegalArgumentException("block of " + count + " samples exceeds " + (buffer.length - history));
        }
        for (int i = 0; i < count; i++) {
            buffer[history + i] = in[inOffset + i];
        }
        int written = 0;
        long end = (long) count * up;
        while (position < end) {
            int inputIndex = position / up;
            int phase = position % up;
            int base = phase * taps;
            int newest = history + inputIndex;
            float sum = 0;
            for (int k = 0; k < taps; k++) {
                sum += coefficients[base + k] * buffer[newest - k];
            }
            int sample = Math.round(sum);
            out[outOffset + written++] = (short) (sample > 32767 ? 32767 : Math.max(sample, -32768));
            position += down;
        }
        position -= (int) end;
        System.arraycopy(buffer, count, buffer, 0, history);
        return written;
    }

    /** Forgets the history. */
    public void reset() {
        java.util.Arrays.fill(buffer, 0);
        position = 0;
    }
}
