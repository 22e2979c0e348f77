package org.deskphone.media.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import org.deskphone.media.TestAudio;
import org.deskphone.media.codec.Codec;
import org.deskphone.media.codec.CodecSettings;
import org.deskphone.media.codec.CodecType;
import org.deskphone.media.codec.OpusBandwidth;

/**
 * Codec speed as x-realtime (seconds of audio per second of thread CPU), the figure perf-anchors.md gives
 * for ffmpeg and libopus, over the same raw 16 kHz file: {@code g722-encode}, {@code g722-decode} (of our
 * own encoding of the file) and {@code opus-encode} (VOIP, 24 kbit/s, 20 ms, complexity 10, as the anchor
 * harness). Prints one "RESULT" line with the median of the measured passes.
 *
 * <p>Usage: {@code CodecSpeed MODE FILE.raw WARMUP PASSES}
 */
public final class CodecSpeed {
    private CodecSpeed() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        short[] pcm = TestAudio.readPcm(Path.of(args[1]));
        int warm = Integer.parseInt(args[2]);
        int passes = Integer.parseInt(args[3]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double audioSeconds = pcm.length / 16000.0;
        byte[] g722 = null;
        if (mode.equals("g722-decode")) {
            Codec codec = CodecType.G722.open(9, CodecSettings.DEFAULTS);
            g722 = new byte[pcm.length / 2];
            for (int i = 0; i + 320 <= pcm.length; i += 320) {
                codec.encoder().encode(pcm, i, 320, g722, i / 2);
            }
        }
        double[] speed = new double[passes];
        short[] out = new short[320];
        byte[] packet = new byte[1500];
        for (int pass = -warm; pass < passes; pass++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long bytes = 0;
            switch (mode) {
                case "g722-encode" -> {
                    Codec codec = CodecType.G722.open(9, CodecSettings.DEFAULTS);
                    for (int i = 0; i + 320 <= pcm.length; i += 320) {
                        bytes += codec.encoder().encode(pcm, i, 320, packet, 0);
                    }
                }
                case "g722-decode" -> {
                    Codec codec = CodecType.G722.open(9, CodecSettings.DEFAULTS);
                    for (int i = 0; i + 160 <= g722.length; i += 160) {
                        bytes += codec.decoder().decode(g722, i, 160, out, 0);
                    }
                }
                case "opus-encode" -> {
                    Codec codec = CodecType.OPUS.open(125, new CodecSettings(OpusBandwidth.WIDEBAND, 24000, 10, 125));
                    for (int i = 0; i + 320 <= pcm.length; i += 320) {
                        bytes += codec.encoder().encode(pcm, i, 320, packet, 0);
                    }
                }
                default -> throw new IllegalArgumentException("mode: g722-encode, g722-decode or opus-encode");
            }
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.out.printf("%s pass %d: %.3f s CPU, %.1f x-realtime (%d units)%n", pass < 0 ? "warm-up" : "measured", pass,
                    cpu, audioSeconds / cpu, bytes);
            if (pass >= 0) {
                speed[pass] = audioSeconds / cpu;
            }
        }
        Arrays.sort(speed);
        System.out.printf("RESULT %s java=%s x-realtime median %.1f (min %.1f max %.1f)%n", mode, System.getProperty("java.version"),
                speed[passes / 2], speed[0], speed[passes - 1]);
    }
}
