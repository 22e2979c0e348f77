package org.deskphone.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.deskphone.testing.ExternalTool;

/**
 * Test audio: real speech made once per build with espeak-ng and resampled with sox without dither, so
 * that every build tests the same samples (kept under
 * {@code target/test-audio}), and raw 16-bit little-endian PCM reading and writing for the oracle tests.
 */
public final class TestAudio {
    private static final String TEXT = "The quick brown fox jumps over the lazy dog. "
            + "Please call Stella and ask her to bring these things with her from the store. "
            + "Six spoons of fresh snow peas, five thick slabs of blue cheese, and maybe a snack for her brother Bob.";

    private TestAudio() {
    }

    public static Path folder() {
        Path folder = Path.of("target", "test-audio").toAbsolutePath();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** About ten seconds of speech at {@code rate} Hz, 16-bit mono PCM. */
    public static synchronized short[] speech(int rate) {
        Path raw = folder().resolve("speech" + rate + ".raw");
        if (!Files.exists(raw)) {
            String espeak = ExternalTool.require("espeak-ng", "espeak-ng").toString();
            String sox = ExternalTool.require("sox", "sox").toString();
            Path wav = folder().resolve("speech-espeak.wav");
            ExternalTool.run(Duration.ofSeconds(60), List.of(espeak, "-s", "150", "-w", wav.toString(), TEXT));
            Path tmp = folder().resolve("speech" + rate + ".tmp.raw");
            ExternalTool.run(Duration.ofSeconds(60), List.of(sox, "-D", wav.toString(), "-r", String.valueOf(rate), "-c", "1",
                    "-b", "16", "-e", "signed-integer", "-L", "-t", "raw", tmp.toString()));
            try {
                Files.move(tmp, raw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return readPcm(raw);
    }

    public static short[] readPcm(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            short[] samples = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writePcm(Path file, short[] samples) {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asShortBuffer().put(samples);
        try {
            Files.write(file, buffer.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signal-to-noise ratio of {@code actual} against {@code expected} in dB, over the common length. */
    public static double snr(short[] expected, short[] actual, int delay) {
        double signal = 0;
        double noise = 0;
        int n = Math.min(expected.length, actual.length - delay);
        for (int i = 0; i < n; i++) {
            double e = expected[i];
            double d = e - actual[i + delay];
            signal += e * e;
            noise += d * d;
        }
        return 10 * Math.log10(signal / Math.max(noise, 1e-9));
    }

    /** Normalised cross-correlation peak of b against a within ±maxLag samples: 1.0 is identical up to delay and gain. */
    public static double correlation(short[] a, short[] b, int maxLag) {
        double best = 0;
        for (int lag = 0; lag <= maxLag; lag++) {
            double sab = 0;
            double saa = 0;
            double sbb = 0;
            int n = Math.min(a.length, b.length - lag);
            for (int i = 0; i < n; i++) {
                double x = a[i];
                double y = b[i + lag];
                sab += x * y;
                saa += x * x;
                sbb += y * y;
            }
            if (saa > 0 && sbb > 0) {
                best = Math.max(best, sab / Math.sqrt(saa * sbb));
            }
        }
        return best;
    }

    /**
     * The lag (0..maxLag) at which {@code b} best matches {@code a}: first on 5 ms energy envelopes, then
     * sample by sample around the coarse answer.
     */
    public static int bestLag(short[] a, short[] b, int maxLag, int rate) {
        int block = rate / 200;
        double[] ea = envelope(a, block);
        double[] eb = envelope(b, block);
        int coarse = 0;
        double best = -1;
        for (int lag = 0; lag <= maxLag / block; lag++) {
            double s = 0;
            double aa = 0;
            double bb = 0;
            for (int i = 0; i + lag < eb.length && i < ea.length; i++) {
                s += ea[i] * eb[i + lag];
                aa += ea[i] * ea[i];
                bb += eb[i + lag] * eb[i + lag];
            }
            double c = s / Math.sqrt(Math.max(aa * bb, 1e-9));
            if (c > best) {
                best = c;
                coarse = lag * block;
            }
        }
        int bestLag = coarse;
        double bestC = -2;
        for (int lag = Math.max(0, coarse - 2 * block); lag <= coarse + 2 * block; lag++) {
            double c = correlationAt(a, b, lag);
            if (c > bestC) {
                bestC = c;
                bestLag = lag;
            }
        }
        return bestLag;
    }

    private static double[] envelope(short[] x, int block) {
        double[] e = new double[x.length / block];
        for (int i = 0; i < e.length; i++) {
            double s = 0;
            for (int j = 0; j < block; j++) {
                s += Math.abs(x[i * block + j]);
            }
            e[i] = s;
        }
        return e;
    }

    /** Normalised correlation of a[i] with b[i + lag]. */
    public static double correlationAt(short[] a, short[] b, int lag) {
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        int n = Math.min(a.length, b.length - lag);
        for (int i = 0; i < n; i++) {
            double x = a[i];
            double y = b[i + lag];
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
    }

    /**
     * How well {@code heard} reproduces {@code said}: the median, over half-second windows of speech, of
     * the best correlation within ±50 ms of the overall delay. Windows, because a jitter buffer that drops or
     * stretches a packet shifts the delay mid-stream, and one global lag would undervalue the rest.
     */
    public static double windowedCorrelation(short[] said, short[] heard, int rate, int maxLag) {
        return windowedCorrelation(said, heard, rate, maxLag, 50);
    }

    /** The same, with the delay allowed to wander {@code slackMillis} either way (a jitter buffer adapting to a real network). */
    public static double windowedCorrelation(short[] said, short[] heard, int rate, int maxLag, int slackMillis) {
        int lag = bestLag(said, heard, maxLag, rate);
        int window = rate / 2;
        int slack = rate * slackMillis / 1000;
        java.util.List<Double> scores = new java.util.ArrayList<>();
        for (int start = 0; start + window <= said.length; start += window) {
            if (rms(said, start, start + window) < 300) {
                continue;
            }
            short[] part = java.util.Arrays.copyOfRange(said, start, start + window);
            double best = 0;
            for (int l = Math.max(0, lag - slack); l <= lag + slack; l++) {
                int from = start + l;
                if (from + window > heard.length) {
                    break;
                }
                best = Math.max(best, correlationAt(part, java.util.Arrays.copyOfRange(heard, from, from + window), 0));
            }
            scores.add(best);
        }
        if (scores.isEmpty()) {
            return 0;
        }
        java.util.Collections.sort(scores);
        return scores.get(scores.size() / 2);
    }

    public static double rms(short[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return Math.sqrt(s / Math.max(1, to - from));
    }

    /** A signal that stresses a codec's edges: speech, a loud sweep, full-scale square bursts and noise. */
    public static short[] stress(int rate, short[] speech) {
        int n = speech.length + rate * 3;
        short[] out = new short[n];
        System.arraycopy(speech, 0, out, 0, speech.length);
        java.util.Random random = new java.util.Random(42);
        double phase = 0;
        for (int i = 0; i < rate; i++) {
            double f = 50 + (rate / 2.0 - 100) * i / rate;
            phase += 2 * Math.PI * f / rate;
            out[speech.length + i] = (short) (30000 * Math.sin(phase));
        }
        for (int i = 0; i < rate; i++) {
            out[speech.length + rate + i] = (short) (((i / 37) % 2 == 0) ? 32767 : -32768);
        }
        for (int i = 0; i < rate; i++) {
            out[speech.length + 2 * rate + i] = (short) Math.max(-32768, Math.min(32767, random.nextGaussian() * 8000));
        }
        return out;
    }
}
