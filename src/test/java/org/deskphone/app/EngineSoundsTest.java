package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.deskphone.call.Sound;
import org.deskphone.hal.mock.MemoryAudioDevice;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.deskphone.media.MediaEngine;
import org.deskphone.media.MediaListener;
import org.deskphone.media.MediaSettings;
import org.deskphone.media.tones.ToneKind;
import org.deskphone.voice.ToneSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The phone's tones and rings played by the real media engine into an in-memory sound card. */
class EngineSoundsTest {
    @TempDir
    Path ringtones;
    private final PhoneLoop loop = new PhoneLoop(new VirtualClock(Instant.parse("2026-11-22T10:00:00Z")));
    private static final ToneSet UK = new ToneSet("uk", Map.of());
    private final MemoryAudioDevice device = new MemoryAudioDevice();
    private final MediaEngine engine = new MediaEngine(device, loop, MediaSettings.defaults(InetAddress.getLoopbackAddress()),
            new MediaListener() { });

    @AfterEach
    void close() {
        engine.close();
    }

    private static double rms(short[] x) {
        double s = 0;
        for (short v : x) {
            s += (double) v * v;
        }
        return Math.sqrt(s / Math.max(1, x.length));
    }

    @Test
    void theDialToneSoundsAndSilenceClosesTheCard() {
        EngineSounds sounds = new EngineSounds(engine, () -> UK, ringtones);
        sounds.play(Sound.tone(ToneKind.DIAL));
        device.tick(50);
        assertThat(rms(device.played())).isGreaterThan(1000);
        sounds.play(Sound.SILENCE);
        assertThat(device.isOpen()).isFalse();
    }

    /** A ring tone without a file rings with a cadence of its own (distinctive ring, Bellcore-dr2). */
    @Test
    void aRingWithoutAFileStillRings() {
        new EngineSounds(engine, () -> UK, ringtones).play(Sound.ring("Bellcore-dr2"));
        device.tick(50);
        assertThat(rms(device.played())).isGreaterThan(1000);
    }
}
