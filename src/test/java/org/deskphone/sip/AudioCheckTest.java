package org.deskphone.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The interop tests' audio check can fail: unrelated noise does not pass, the same noise does. */
class AudioCheckTest {

    static short[] noise(long seed, int samples) {
        Random random = new Random(seed);
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) (random.nextGaussian() * 4000);
        }
        return out;
    }

    @Test
    void tellsTheSameNoiseFromOther() {
        short[] source = noise(1, 24000);
        short[] delayed = new short[20000];
        System.arraycopy(source, 3000, delayed, 0, delayed.length);
        assertThat(AudioCheck.correlation(source, delayed, 4000)).isGreaterThan(0.99);
        assertThat(AudioCheck.correlation(source, noise(2, 20000), 4000)).isLessThan(0.2);
        assertThat(AudioCheck.correlation(source, new short[20000], 4000)).isLessThan(0.01);
    }

    @Test
    void aDelayThatShiftsByAPacketMidCallStillCountsAsHeard() {
        // A jitter buffer that drops one 20 ms packet after the first second and a half.
        short[] source = noise(3, 40000);
        short[] heard = new short[30000];
        System.arraycopy(source, 2000, heard, 0, 12000);
        System.arraycopy(source, 2000 + 12000 + 160, heard, 12000, 18000);
        assertThat(AudioCheck.correlation(source, heard, 4000)).isGreaterThan(0.95);
    }

    @Test
    void aRecordingThatIsMostlySomethingElseFails() {
        short[] source = noise(4, 40000);
        short[] heard = noise(5, 30000);
        System.arraycopy(source, 1000, heard, 0, 8000);
        assertThat(AudioCheck.correlation(source, heard, 4000)).isLessThan(0.5);
    }
}
