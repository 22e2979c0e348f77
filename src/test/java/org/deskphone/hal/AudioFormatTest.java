package org.deskphone.hal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AudioFormatTest {

    @Test
    void framesHoldRateTimesPtimeSamples() {
        assertThat(new AudioFormat(8000, 20).samplesPerFrame()).isEqualTo(160);
        assertThat(new AudioFormat(16000, 20).samplesPerFrame()).isEqualTo(320);
        assertThat(new AudioFormat(48000, 10).samplesPerFrame()).isEqualTo(480);
    }

    @Test
    void onlyTelephonyRatesAndSanePtimes() {
        assertThatThrownBy(() -> new AudioFormat(44100, 20)).hasMessageContaining("44100");
        assertThatThrownBy(() -> new AudioFormat(8000, 7)).hasMessageContaining("multiple of 5");
    }
}
