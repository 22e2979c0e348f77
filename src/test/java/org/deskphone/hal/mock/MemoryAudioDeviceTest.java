package org.deskphone.hal.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.deskphone.hal.AudioFormat;
import org.deskphone.hal.AudioStream;
import org.junit.jupiter.api.Test;

class MemoryAudioDeviceTest {
    private final MemoryAudioDevice device = new MemoryAudioDevice();
    private final AudioFormat narrowband = new AudioFormat(8000, 20);

    @Test
    void capturedFramesAreWhatWasFedThenSilence() {
        short[] fed = new short[200];
        for (int i = 0; i < fed.length; i++) {
            fed[i] = (short) (i + 1);
        }
        device.feed(fed);
        List<short[]> heard = new ArrayList<>();
        try (AudioStream stream = device.open(narrowband, (captured, playback) -> heard.add(captured.clone()), e -> { })) {
            device.tick(2);
        }
        assertThat(heard).hasSize(2);
        assertThat(heard.get(0)[0]).isEqualTo((short) 1);
        assertThat(heard.get(0)[159]).isEqualTo((short) 160);
        assertThat(heard.get(1)[39]).isEqualTo((short) 200);
        assertThat(heard.get(1)[40]).isZero();
    }

    @Test
    void playedSoundIsCollectedFrameAfterFrame() {
        int[] frame = {0};
        try (AudioStream stream = device.open(narrowband, (captured, playback) -> {
            java.util.Arrays.fill(playback, (short) (100 + frame[0]++));
        }, e -> { })) {
            device.tick(3);
        }
        short[] played = device.played();
        assertThat(played).hasSize(480);
        assertThat(played[0]).isEqualTo((short) 100);
        assertThat(played[160]).isEqualTo((short) 101);
        assertThat(played[479]).isEqualTo((short) 102);
        assertThat(device.isOpen()).isFalse();
    }

    @Test
    void opensOnceAtATime() {
        device.open(narrowband, (c, p) -> { }, e -> { });
        assertThatThrownBy(() -> device.open(narrowband, (c, p) -> { }, e -> { })).hasMessageContaining("already open");
    }

    @Test
    void tickingAClosedDeviceIsAnError() {
        assertThatThrownBy(() -> device.tick(1)).isInstanceOf(IllegalStateException.class);
    }
}
