package org.deskphone.app.selftest;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.deskphone.hal.AudioDevice;
import org.deskphone.hal.AudioFormat;
import org.deskphone.hal.AudioStream;

/**
 * The sound card runs: opened at 8 kHz in 20 ms frames, it must deliver frames paced by its own clock
 * while the phone plays a 1 kHz tone. Where the microphone hears the speaker (a loopback cable, an
 * acoustic path), the tone is looked for in what was captured; where it is silent, that is said.
 */
final class AudioCheck implements Check {
    private static final AudioFormat FORMAT = new AudioFormat(8000, 20);
    private static final int FRAMES = 25;
    private static final Duration WAIT = Duration.ofSeconds(3);

    @Override
    public String name() {
        return "audio";
    }

    @Override
    public CheckResult run(Bench bench) throws Exception {
        AudioDevice device = bench.board().audio();
        CountDownLatch done = new CountDownLatch(FRAMES);
        AtomicInteger peak = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        int[] phase = {0};
        long start = System.nanoTime();
        try (AudioStream stream = device.open(FORMAT, (captured, playback) -> {
            for (int i = 0; i < playback.length; i++) {
                // 1 kHz at 8 kHz: eight samples a period.
                playback[i] = (short) (8000 * Math.sin(2 * Math.PI * (phase[0]++ % 8) / 8));
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
            String heard = peak.get() == 0 ? "the microphone is silent, so no loopback here"
                    : "the microphone's peak level is " + peak.get() + " of 32767";
            return CheckResult.pass(String.format("%s: %d frames of %d ms in %.2f s; %s", device.name(), FRAMES,
                    FORMAT.frameMillis(), elapsed / 1e9, heard));
        }
    }
}
