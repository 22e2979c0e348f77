package org.deskphone.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {

    private static short[] tone(int rate, double frequency, int samples) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) (10000 * Math.sin(2 * Math.PI * frequency * i / rate));
        }
        return out;
    }

    /** Power of {@code frequency} in {@code pcm} relative to the total, by correlation with sine and cosine. */
    private static double share(short[] pcm, int from, int rate, double frequency) {
        double c = 0;
        double s = 0;
        double total = 0;
        for (int i = from; i < pcm.length; i++) {
            c += pcm[i] * Math.cos(2 * Math.PI * frequency * i / rate);
            s += pcm[i] * Math.sin(2 * Math.PI * frequency * i / rate);
            total += (double) pcm[i] * pcm[i];
        }
        int n = pcm.length - from;
        return (c * c + s * s) * 2 / n / total;
    }

    private static short[] run(Resampler resampler, short[] in, int frame) {
        short[] out = new short[resampler.outputSamples(in.length)];
        int written = 0;
        for (int i = 0; i + frame <= in.length; i += frame) {
            int n = resampler.process(in, i, frame, out, written);
            assertThat(n).isEqualTo(resampler.outputSamples(frame));
            written += n;
        }
        return out;
    }

    @ParameterizedTest(name = "{0} -> {1} Hz keeps a {2} Hz tone")
    @CsvSource({"8000, 16000, 1000", "16000, 8000, 1000", "8000, 48000, 440", "48000, 8000, 3000", "16000, 48000, 6500",
        "48000, 16000, 1000"})
    void keepsAToneInTheCommonBand(int from, int to, double frequency) {
        Resampler resampler = new Resampler(from, to, from / 50);
        short[] out = run(resampler, tone(from, frequency, from), from / 50);
        assertThat(out).hasSize(to);
        assertThat(share(out, to / 10, to, frequency)).as("share of the tone's power").isGreaterThan(0.99);
        double rms = 0;
        for (int i = to / 10; i < out.length; i++) {
            rms += (double) out[i] * out[i];
        }
        rms = Math.sqrt(rms / (out.length - to / 10));
        assertThat(rms).as("level kept (10000 peak = 7071 rms)").isBetween(6700.0, 7400.0);
    }

    @ParameterizedTest(name = "{0} -> {1} Hz removes a {2} Hz tone")
    @CsvSource({"16000, 8000, 6000", "48000, 8000, 9000", "48000, 16000, 12000"})
    void removesWhatTheLowerRateCannotCarry(int from, int to, double frequency) {
        Resampler resampler = new Resampler(from, to, from / 50);
        short[] out = run(resampler, tone(from, frequency, from), from / 50);
        double peak = 0;
        for (int i = to / 10; i < out.length; i++) {
            peak = Math.max(peak, Math.abs(out[i]));
        }
        assertThat(peak).as("aliased residue of a 10000-peak tone").isLessThan(200);
    }
}
