package org.deskphone.media.tones;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.deskphone.media.codec.Resampler;

/**
 * A ring tone from a WAV file (the manuals' custom ring tones: ALE seed L4360-4366, {@code .wav} up to
 * 200 KB; Yealink ringtone resource, digest §3.1): any PCM WAV that Java Sound reads (8 or 16 bit, mono
 * or stereo, µ-law or A-law, any rate), mixed down to mono and resampled to the device's rate once, when
 * loaded. A file that is too large, not a WAV or unreadable is refused with a message naming it.
 */
public final class RingTone {
    /** ALE's limit for a custom ring tone file. */
    public static final long ALE_MAX_BYTES = 200 * 1024;

    private RingTone() {
    }

    public static short[] load(Path file, int sampleRate, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IOException("ring tone " + file.getFileName() + " is " + size + " bytes; the limit is " + maxBytes);
        }
        try (AudioInputStream original = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat source = original.getFormat();
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, source.getSampleRate(), 16,
                    source.getChannels(), 2 * source.getChannels(), source.getSampleRate(), false);
            try (AudioInputStream decoded = AudioSystem.getAudioInputStream(pcm, original)) {
                short[] mono = readMono(decoded, source.getChannels());
                int rate = Math.round(source.getSampleRate());
                if (rate == sampleRate) {
                    return mono;
                }
                Resampler resampler = new Resampler(rate, sampleRate, mono.length);
                short[] out = new short[(int) ((long) mono.length * sampleRate / rate) + 1];
                int n = resampler.process(mono, 0, mono.length, out, 0);
                return java.util.Arrays.copyOf(out, n);
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new IOException("ring tone " + file.getFileName() + " is not a WAV file Java Sound can read: " + e.getMessage(), e);
        }
    }

    private static short[] readMono(InputStream in, int channels) throws IOException {
        byte[] bytes = in.readAllBytes();
        int frames = bytes.length / (2 * channels);
        short[] mono = new short[frames];
        for (int i = 0; i < frames; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = (i * channels + c) * 2;
                sum += (short) ((bytes[at] & 0xff) | (bytes[at + 1] << 8));
            }
            mono[i] = (short) (sum / channels);
        }
        return mono;
    }
}
