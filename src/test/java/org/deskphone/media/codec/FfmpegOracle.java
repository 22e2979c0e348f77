package org.deskphone.media.codec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.deskphone.media.TestAudio;
import org.deskphone.testing.ExternalTool;

/** ffmpeg as the codec oracle: raw PCM in, raw codec bytes out, and back. */
final class FfmpegOracle {
    private final String ffmpeg;
    private final Path folder;

    FfmpegOracle(Path folder) {
        this.ffmpeg = ExternalTool.require("ffmpeg", "ffmpeg").toString();
        this.folder = folder;
    }

    /** Encodes PCM at {@code rate} with {@code codecArgs} into the raw {@code format}; returns the bytes. */
    byte[] encode(short[] pcm, int rate, String format, String... codecArgs) throws Exception {
        Path in = folder.resolve("in.raw");
        Path out = folder.resolve("out." + format);
        TestAudio.writePcm(in, pcm);
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error",
                "-f", "s16le", "-ar", String.valueOf(rate), "-ac", "1", "-i", in.toString()));
        command.addAll(List.of(codecArgs));
        command.addAll(List.of("-f", format, "-y", out.toString()));
        ExternalTool.run(Duration.ofSeconds(60), command);
        return Files.readAllBytes(out);
    }

    /** Decodes raw {@code format} bytes to PCM at {@code rate}. */
    short[] decode(byte[] coded, String format, int rate, String... inputArgs) throws Exception {
        Path in = folder.resolve("in." + format);
        Path out = folder.resolve("out.raw");
        Files.write(in, coded);
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error"));
        command.addAll(List.of(inputArgs));
        command.addAll(List.of("-f", format, "-i", in.toString(), "-f", "s16le", "-ar", String.valueOf(rate), "-ac", "1",
                "-y", out.toString()));
        ExternalTool.run(Duration.ofSeconds(60), command);
        return TestAudio.readPcm(out);
    }
}
