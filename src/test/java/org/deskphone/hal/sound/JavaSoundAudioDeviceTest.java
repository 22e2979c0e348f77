package org.deskphone.hal.sound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Mixer;
import org.deskphone.hal.AudioDeviceException;
import org.deskphone.hal.AudioFormat;
import org.junit.jupiter.api.Test;

/**
 * The Java Sound driver, tested as far as a machine without a sound card allows: choosing the mixer by
 * name, the clear error when there is none, and the frame pump against lines that behave like a card
 * (a capture clock that delivers a frame every 20 ms, a playback line that takes what it is given).
 * Opening a real ALSA card is not tested here: these machines have none.
 */
class JavaSoundAudioDeviceTest {

    static final class Info extends Mixer.Info {
        Info(String name, String description) {
            super(name, "vendor", description, "1");
        }
    }

    @Test
    void choosesTheMixerByPartOfItsNameOrDescription() {
        Mixer.Info[] mixers = {new Info("Port Headset [hw:2]", "port"), new Info("Headset [plughw:2,0]", "Direct Audio Device: USB Audio"),
            new Info("sndrpihifiberry [plughw:1,0]", "Direct Audio Device: HiFiBerry DAC+ADC")};
        assertThat(JavaSoundAudioDevice.choose(mixers, "hw:1,0", info -> true).getName()).startsWith("sndrpihifiberry");
        assertThat(JavaSoundAudioDevice.choose(mixers, "usb audio", info -> !info.getName().startsWith("Port")).getName())
                .isEqualTo("Headset [plughw:2,0]");
        assertThat(JavaSoundAudioDevice.choose(mixers, "default", info -> true)).isNull();
        assertThat(JavaSoundAudioDevice.choose(mixers, "", info -> true)).isNull();
        assertThatThrownBy(() -> JavaSoundAudioDevice.choose(mixers, "hw:9,0", info -> true))
                .isInstanceOf(AudioDeviceException.class)
                .hasMessageContaining("no sound card matching 'hw:9,0'")
                .hasMessageContaining("'sndrpihifiberry [plughw:1,0]'");
    }

    @Test
    void openingACardThatIsNotThereIsAClearError() {
        JavaSoundAudioDevice device = new JavaSoundAudioDevice("hw:7,0", 40);
        assertThat(device.name()).isEqualTo("javasound:hw:7,0");
        boolean noCard = AudioSystem.getMixerInfo().length == 0 || !AudioSystem.isLineSupported(
                new javax.sound.sampled.DataLine.Info(javax.sound.sampled.TargetDataLine.class,
                        new javax.sound.sampled.AudioFormat(16000, 16, 1, true, false)));
        if (noCard) {
            assertThatThrownBy(() -> new JavaSoundAudioDevice("", 40).open(new AudioFormat(16000, 20), (c, p) -> { }, e -> { }))
                    .isInstanceOf(AudioDeviceException.class)
                    .hasMessageContaining("cannot open sound card javasound:default at 16000 Hz, 20 ms");
        }
        assertThatThrownBy(() -> device.open(new AudioFormat(16000, 20), (c, p) -> { }, e -> { }))
                .isInstanceOf(AudioDeviceException.class)
                .hasMessageContaining("hw:7,0");
        assertThatThrownBy(() -> new JavaSoundAudioDevice("x", 1)).hasMessageContaining("5-500 ms");
    }

    @Test
    void pumpsFramesAtTheCaptureClockAndConvertsLittleEndian() throws Exception {
        AudioFormat format = new AudioFormat(8000, 20);
        AtomicInteger delivered = new AtomicInteger();
        List<byte[]> written = new CopyOnWriteArrayList<>();
        List<Short> firstSamples = new CopyOnWriteArrayList<>();
        FramePump.Capture card = (buffer, offset, length) -> {
            LockSupport.parkNanos(format.frameNanos()); // the card's clock
            int frame = delivered.incrementAndGet();
            for (int i = 0; i < length / 2; i++) {
                short sample = (short) (frame * 100 + i - 300);
                buffer[offset + 2 * i] = (byte) sample;
                buffer[offset + 2 * i + 1] = (byte) (sample >> 8);
            }
            return length;
        };
        FramePump.Playback speaker = (buffer, offset, length) -> {
            written.add(java.util.Arrays.copyOfRange(buffer, offset, offset + length));
            return length;
        };
        List<Exception> errors = new ArrayList<>();
        FramePump pump = new FramePump(format, (captured, playback) -> {
            firstSamples.add(captured[0]);
            for (int i = 0; i < playback.length; i++) {
                playback[i] = (short) -captured[i];
            }
        }, errors::add, card, speaker, () -> { }, "test-pump");
        pump.start();
        Thread.sleep(300);
        pump.close();
        assertThat(delivered.get()).as("about 15 frames in 300 ms at 20 ms").isBetween(8, 16);
        assertThat(firstSamples.get(0)).isEqualTo((short) (100 - 300));
        assertThat(written.get(0)).as("a frame of silence ahead").containsOnly((byte) 0).hasSize(320);
        byte[] second = written.get(1);
        short echoed = (short) ((second[0] & 0xff) | (second[1] << 8));
        assertThat(echoed).isEqualTo((short) 200);
        assertThat(errors).isEmpty();
    }

    @Test
    void aCardThatStopsDeliveringIsReportedToTheErrorHandler() throws Exception {
        AudioFormat format = new AudioFormat(8000, 20);
        List<Exception> errors = new CopyOnWriteArrayList<>();
        FramePump pump = new FramePump(format, (c, p) -> { }, errors::add, (b, o, l) -> -1, (b, o, l) -> l, () -> { }, "test-pump");
        pump.start();
        Thread.sleep(100);
        assertThat(errors).singleElement().extracting(Exception::getMessage).isEqualTo("the sound card stopped delivering audio");
        pump.close();
    }
}
