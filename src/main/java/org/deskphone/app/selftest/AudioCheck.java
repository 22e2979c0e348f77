package org.deskphone.app.selftest;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.deskphone.hal.AudioDevice;
import org.deskphone.hal.AudioFormat;
import org.deskphone.hal.AudioStream;
import org.deskphone.voice.PhoneAudio;

/**
 * The sound card runs as calls use it: opened at the rate and frame the media engine opens it at, it must
 * deliver frames paced by its own clock (not faster than real time) while the phone plays a 1 kHz tone.
 * Where the microphone hears the speaker (a loopback cable, an acoustic path), the tone is looked for in what
 * was captured. A real card's microphone always hears some noise: exact silence there means its capture is
 * muted or unplugged, a warning; the PC board's WAV card is silent without a capture file.
 */
final class AudioCheck implements Check {
    private static final int FRAME_MILLIS = 20;
    private static final int FRAMES = 25;
    private static final Duration WAIT = Duration.ofSeconds(3);

    @Override
    public String name() {
        return "audio";
    }

    @Override
    public CheckResult run(Bench bench) throws Exception {
        AudioDevice device = bench.board().audio();
        AudioFormat format = new AudioFormat(PhoneAudio.deviceRate(device), FRAME_MILLIS);
        CountDownLatch done = new CountDownLatch(FRAMES);
        AtomicInteger peak = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        int[] phase = {0};
        long start = System.nanoTime();
        int period = format.sampleRate() / 1000;
        try (AudioStream stream = device.open(format, (captured, playback) -> {
            for (int i = 0; i < playback.length; i++) {
                playback[i] = (short) (8000 * Math.sin(2 * Math.PI * (phase[0]++ % period) / period));
            }
            int loudest = 0;
            for (short sample : captured) {
                loudest = Math.max(loudest, Math.abs(sample));
            }
            peak.accumulateAndGet(loudest, Math::max);
            done.countDown();
        }, failure::set)) {
            boolean enough = done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            long elapsed = System.nanoTime() - start;
            if (failure.get() != null) {
                return CheckResult.fail(device.name() + ": " + failure.get().getMessage());
            }
            if (!enough) {
                return CheckResult.fail(device.name() + " delivered " + (FRAMES - done.getCount()) + " of " + FRAMES
                        + " frames in " + WAIT.toSeconds() + " s");
            }
            String ran = String.format("%s at %d Hz: %d frames of %d ms in %.2f s", device.name(), format.sampleRate(), FRAMES,
                    format.frameMillis(), elapsed / 1e9);
            if (elapsed < FRAMES * format.frameNanos() * 6 / 10) {
                return CheckResult.fail(ran + ", faster than real time: no clock paces it");
            }
            boolean mock = bench.board().descriptor().drivers().equals("mock");
            if (peak.get() == 0 && !mock) {
                return CheckResult.warn(ran + "; the microphone delivered exact silence: its capture is muted or unplugged");
            }
            String heard = peak.get() == 0 ? "the microphone is silent, so no loopback here"
                    : "the microphone's peak level is " + peak.get() + " of 32767";
            return CheckResult.pass(ran + "; " + heard);
        }
    }
}
