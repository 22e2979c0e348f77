package org.deskphone.media.mixer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConferenceMixerTest {

    private static short[] constant(int value) {
        short[] s = new short[4];
        java.util.Arrays.fill(s, (short) value);
        return s;
    }

    /** Seed L8356-8371: the host mixes; each party hears everyone but itself. */
    @Test
    void threeWayConferenceIsMixMinus() {
        ConferenceMixer mixer = new ConferenceMixer(4);
        short[][] in = {constant(100), constant(20)};
        short[][] out = {new short[4], new short[4]};
        short[] speaker = new short[4];
        mixer.mix(constant(3), in, new boolean[] {true, true}, new boolean[] {true, true}, 2, speaker, out, 4);
        assertThat(speaker).containsOnly((short) 120);
        assertThat(out[0]).as("leg A hears the phone and B").containsOnly((short) 23);
        assertThat(out[1]).as("leg B hears the phone and A").containsOnly((short) 103);
    }

    @Test
    void aHeldLegIsNeitherHeardNorMixed() {
        ConferenceMixer mixer = new ConferenceMixer(4);
        short[][] in = {constant(100), constant(20)};
        short[][] out = {new short[4], new short[4]};
        short[] speaker = constant(5);
        mixer.mix(constant(3), in, new boolean[] {true, false}, new boolean[] {false, false}, 2, speaker, out, 4);
        assertThat(speaker).as("tone plus the active leg").containsOnly((short) 105);
        assertThat(out[0]).containsOnly((short) 3);
        assertThat(out[1]).containsOnly((short) 3);
    }

    @Test
    void sumsSaturateInsteadOfWrapping() {
        ConferenceMixer mixer = new ConferenceMixer(4);
        short[][] in = {constant(30000), constant(30000), constant(-30000)};
        short[][] out = {new short[4], new short[4], new short[4]};
        short[] speaker = new short[4];
        mixer.mix(constant(30000), in, new boolean[] {true, true, false}, new boolean[] {true, true, true}, 3, speaker, out, 4);
        assertThat(speaker).containsOnly((short) 32767);
        assertThat(out[2]).containsOnly((short) 32767);
        assertThat(out[0]).as("30000 + 30000 - 30000 + 30000 - 30000").containsOnly((short) 30000);
    }
}
