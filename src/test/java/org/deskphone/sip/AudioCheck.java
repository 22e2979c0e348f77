package org.deskphone.sip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.deskphone.media.TestAudio;
import org.deskphone.media.codec.Resampler;

/**
 * Whether one recording carries another's audio: the best normalised cross-correlation of a window of the
 * recording against the source, over the lags a call's setup and buffering can introduce. Noise is the test
 * signal where the codec keeps the waveform (G.711, G.722), because it correlates sharply with itself and
 * with nothing else; speech where a perceptual codec (Opus) keeps only what is heard.
 */
final class AudioCheck {
    /** How far the delay may wander from the loudest window's during a call: 200 ms at 8 kHz. */
    static final int WANDER = 1600;

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

    /** Writes the media tests' ten seconds of speech at 8 kHz, 16-bit mono: what a perceptual codec keeps. */
    static Path speech(Path file) throws IOException {
        short[] samples = TestAudio.speech(8000);
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        pcm.asShortBuffer().put(samples);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm.array()), new AudioFormat(8000, 16, 1, true, false),
                samples.length), AudioFileFormat.Type.WAVE, file.toFile());
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
     * How well {@code recording} carries {@code source} (−1..1): the median, over the recording's loud
     * windows of {@code window} samples, of each window's best correlation with the source. The loudest
     * window is looked for at every offset of the source; the others within {@value #WANDER} samples of the
     * delay found there, because a jitter buffer adapting to a busy machine shifts the delay by a packet or
     * two during a call, and the one window that spans such a shift correlates worse than the audio is.
     */
    static double correlation(short[] source, short[] recording, int window) {
        List<Integer> loud = loudWindows(recording, window);
        if (loud.isEmpty() || source.length < window) {
            return 0;
        }
        int loudest = loud.get(0);
        int[] lag = new int[1];
        best(source, recording, loudest, window, 0, source.length - window, lag);
        List<Double> scores = new ArrayList<>();
        for (int start : loud) {
            int expected = lag[0] + start - loudest;
            scores.add(best(source, recording, start, window, Math.max(0, expected - WANDER),
                    Math.min(source.length - window, expected + WANDER), new int[1]));
        }
        Collections.sort(scores);
        return scores.get(scores.size() / 2);
    }

    /** The best correlation of the recording's window at {@code start} with the source from lag {@code from} to {@code to}. */
    private static double best(short[] source, short[] recording, int start, int window, int from, int to, int[] bestLag) {
        double energyW = energy(recording, start, window);
        double energyS = energy(source, Math.max(from, 0), window);
        double best = 0;
        for (int lag = from; lag <= to; lag++) {
            if (lag > from) {
                energyS += (double) source[lag + window - 1] * source[lag + window - 1] - (double) source[lag - 1] * source[lag - 1];
            }
            double dot = 0;
            for (int i = 0; i < window; i++) {
                dot += (double) recording[start + i] * source[lag + i];
            }
            double norm = Math.sqrt(energyW * Math.max(energyS, 1));
            if (norm > 0 && dot / norm > best) {
                best = dot / norm;
                bestLag[0] = lag;
            }
        }
        return best;
    }

    /**
     * The starts of the recording's windows (half a window apart) that hold at least a quarter of the loudest
     * one's energy, the loudest first: silence before the call's audio arrives, and pauses in speech, are no test.
     */
    private static List<Integer> loudWindows(short[] recording, int window) {
        List<Integer> starts = new ArrayList<>();
        List<Double> energies = new ArrayList<>();
        double loudest = 0;
        int loudestStart = -1;
        for (int start = 0; start + window <= recording.length; start += window / 2) {
            double energy = energy(recording, start, window);
            starts.add(start);
            energies.add(energy);
            if (energy > loudest) {
                loudest = energy;
                loudestStart = start;
            }
        }
        List<Integer> loud = new ArrayList<>();
        if (loudestStart < 0) {
            return loud;
        }
        loud.add(loudestStart);
        for (int i = 0; i < starts.size(); i++) {
            if (starts.get(i) != loudestStart && energies.get(i) >= loudest / 4) {
                loud.add(starts.get(i));
            }
        }
        return loud;
    }

    private static double energy(short[] samples, int from, int length) {
        double energy = 0;
        for (int i = from; i < from + length; i++) {
            energy += (double) samples[i] * samples[i];
        }
        return energy;
    }
}
