package org.deskphone.sip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.deskphone.media.codec.Resampler;

/**
 * Whether one recording carries another's audio: the best normalised cross-correlation of a window of the
 * recording against the source, over the lags a call's setup and buffering can introduce. Noise is used as
 * the test signal because it correlates sharply with itself and with nothing else.
 */
final class AudioCheck {

    private AudioCheck() {
    }

    /** Writes {@code seconds} of white noise at 8 kHz, 16-bit mono, seeded so that runs are alike. */
    static Path noise(Path file, int seconds, long seed) throws IOException {
        Random random = new Random(seed);
        int samples = seconds * 8000;
        ByteBuffer data = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        data.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            data.putShort((short) (random.nextGaussian() * 4000));
        }
        Files.write(file, data.array());
        return file;
    }

    /**
     * A 16-bit WAV as 8 kHz mono, whatever its rate and channels (baresip records wideband codecs at their
     * own rate, Opus in stereo): the first channel, resampled with the media engine's resampler.
     */
    static short[] read(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            byte[] bytes = in.readAllBytes();
            boolean big = in.getFormat().isBigEndian();
            int channels = in.getFormat().getChannels();
            short[] samples = new short[bytes.length / 2 / channels];
            for (int i = 0; i < samples.length; i++) {
                int at = 2 * channels * i;
                int lo = bytes[at] & 0xff;
                int hi = bytes[at + 1];
                samples[i] = big ? (short) ((lo << 8) | (bytes[at + 1] & 0xff)) : (short) ((hi << 8) | lo);
            }
            int rate = Math.round(in.getFormat().getSampleRate());
            if (rate == 8000) {
                return samples;
            }
            Resampler down = new Resampler(rate, 8000, samples.length);
            short[] out = new short[(int) ((long) samples.length * 8000 / rate) + 1];
            return Arrays.copyOf(out, down.process(samples, 0, samples.length, out, 0));
        }
    }

    /**
     * The best correlation (−1..1) of {@code window} samples of {@code recording}, taken from its loudest
     * stretch, against {@code source} at any offset.
     */
    static double correlation(short[] source, short[] recording, int window) {
        int start = loudest(recording, window);
        if (start < 0) {
            return 0;
        }
        double energyW = 0;
        for (int i = 0; i < window; i++) {
            energyW += (double) recording[start + i] * recording[start + i];
        }
        double best = 0;
        double energyS = 0;
        for (int i = 0; i < window && i < source.length; i++) {
            energyS += (double) source[i] * source[i];
        }
        for (int lag = 0; lag + window <= source.length; lag++) {
            if (lag > 0) {
                energyS += (double) source[lag + window - 1] * source[lag + window - 1] - (double) source[lag - 1] * source[lag - 1];
            }
            double dot = 0;
            for (int i = 0; i < window; i++) {
                dot += (double) recording[start + i] * source[lag + i];
            }
            double norm = Math.sqrt(energyW * Math.max(energyS, 1));
            if (norm > 0 && dot / norm > best) {
                best = dot / norm;
            }
        }
        return best;
    }

    /** Where the recording is loudest over {@code window} samples (skipping silence at the start); −1 if too short. */
    private static int loudest(short[] recording, int window) {
        int best = -1;
        double bestEnergy = 0;
        for (int start = 0; start + window <= recording.length; start += window / 2) {
            double energy = 0;
            for (int i = 0; i < window; i++) {
                energy += (double) recording[start + i] * recording[start + i];
            }
            if (energy > bestEnergy) {
                bestEnergy = energy;
                best = start;
            }
        }
        return best;
    }
}
