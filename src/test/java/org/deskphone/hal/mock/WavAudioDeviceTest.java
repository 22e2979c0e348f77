package org.deskphone.hal.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.deskphone.hal.AudioDeviceException;
import org.deskphone.hal.AudioFormat;
import org.deskphone.hal.AudioStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavAudioDeviceTest {
    private final AudioFormat narrowband = new AudioFormat(8000, 20);
    @TempDir
    Path folder;

    @Test
    void playsTheCaptureFileIntoTheHandlerAndRecordsWhatItPlays() throws Exception {
        Path in = folder.resolve("in.wav");
        Path out = folder.resolve("out.wav");
        writeRamp(in, 8000, 480);
        List<Short> firstSamples = new CopyOnWriteArrayList<>();
        CountDownLatch tenFrames = new CountDownLatch(10);
        WavAudioDevice device = new WavAudioDevice(in, out);
        try (AudioStream stream = device.open(narrowband, (captured, playback) -> {
            firstSamples.add(captured[0]);
            for (int i = 0; i < playback.length; i++) {
                playback[i] = captured[i];
            }
            tenFrames.countDown();
        }, e -> { })) {
            assertThat(tenFrames.await(5, TimeUnit.SECONDS)).isTrue();
        }
        // The ramp is 3 frames long (0..479); after it ends the microphone is silent.
        assertThat(firstSamples.subList(0, 4)).containsExactly((short) 0, (short) 160, (short) 320, (short) 0);

        try (AudioInputStream recorded = AudioSystem.getAudioInputStream(out.toFile())) {
            assertThat(recorded.getFormat().getSampleRate()).isEqualTo(8000f);
            assertThat(recorded.getFormat().getChannels()).isEqualTo(1);
            byte[] bytes = recorded.readAllBytes();
            assertThat(bytes.length % 320).isZero();
            assertThat(bytes.length / 320).isGreaterThanOrEqualTo(10);
            ByteBuffer samples = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(samples.getShort(2 * 479)).isEqualTo((short) 479);
        }
    }

    @Test
    void aCaptureFileAtTheWrongRateIsRefusedWithItsFormat() throws IOException {
        Path in = folder.resolve("wide.wav");
        writeRamp(in, 16000, 320);
        WavAudioDevice device = new WavAudioDevice(in, null);
        assertThatThrownBy(() -> device.open(narrowband, (c, p) -> { }, e -> { }))
                .isInstanceOf(AudioDeviceException.class)
                .hasMessageContaining("wide.wav").hasMessageContaining("8000 Hz");
    }

    @Test
    void aMissingCaptureFileIsNamed() {
        WavAudioDevice device = new WavAudioDevice(folder.resolve("none.wav"), null);
        assertThatThrownBy(() -> device.open(narrowband, (c, p) -> { }, e -> { })).hasMessageContaining("none.wav");
    }

    @Test
    void anErrorInTheFrameHandlerReachesOnErrorAndEndsTheStream() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        WavAudioDevice device = new WavAudioDevice(null, null);
        try (AudioStream stream = device.open(narrowband, (c, p) -> {
            throw new IllegalStateException("codec broke");
        }, e -> reported.countDown())) {
            assertThat(reported.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    static void writeRamp(Path file, int rate, int samples) throws IOException {
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) i);
        }
        javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, samples)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
        }
        assertThat(Files.size(file)).isGreaterThan(samples * 2L);
    }
}
