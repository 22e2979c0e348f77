package org.deskphone.hal.sound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import org.deskphone.hal.AudioDevice;
import org.deskphone.hal.AudioDeviceException;
import org.deskphone.hal.AudioFormat;
import org.deskphone.hal.AudioStream;
import org.deskphone.hal.FrameHandler;

/**
 * A sound card through Java Sound, which is ALSA on Linux (the Pi's codec HAT, a USB headset, a PC's card):
 * 16-bit mono capture and playback at the stream's rate, with small line buffers for low latency. The
 * capture line's clock paces the frames: a thread of its own blocks reading one frame, hands it to the
 * handler, and writes the frame to play. Errors (the card vanished) go to {@code onError}.
 *
 * <p>Board descriptor: {@code audio.driver=javasound}, {@code audio.device=hw:1,0} (a part of the Java
 * Sound mixer name or description, case-insensitive; empty or {@code default} for the system default),
 * {@code audio.buffer.ms=20} (the line buffers, in milliseconds; two frames is a good start).
 */
public final class JavaSoundAudioDevice implements AudioDevice {
    private final String deviceName;
    private final int bufferMillis;

    public JavaSoundAudioDevice(String deviceName, int bufferMillis) {
        this.deviceName = deviceName == null ? "" : deviceName.trim();
        if (bufferMillis < 5 || bufferMillis > 500) {
            throw new IllegalArgumentException("audio buffer must be 5-500 ms: " + bufferMillis);
        }
        this.bufferMillis = bufferMillis;
    }

    @Override
    public String name() {
        return "javasound:" + (deviceName.isEmpty() ? "default" : deviceName);
    }

    /** The Java Sound mixers of this machine, as "name (description)", for logs and the admin pages. */
    public static List<String> mixers() {
        List<String> names = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            names.add(info.getName() + " (" + info.getDescription() + ")");
        }
        return names;
    }

    /** The first mixer whose name or description contains {@code wanted}, ignoring case; null for the default. */
    static Mixer.Info choose(Mixer.Info[] candidates, String wanted, java.util.function.Predicate<Mixer.Info> usable) {
        if (wanted.isEmpty() || wanted.equalsIgnoreCase("default")) {
            return null;
        }
        String needle = wanted.toLowerCase(Locale.ROOT);
        for (Mixer.Info info : candidates) {
            String haystack = (info.getName() + " " + info.getDescription()).toLowerCase(Locale.ROOT);
            if (haystack.contains(needle) && usable.test(info)) {
                return info;
            }
        }
        throw new AudioDeviceException("no sound card matching '" + wanted + "' can capture and play 16-bit mono; "
                + "Java Sound sees: " + (candidates.length == 0 ? "no mixers at all" : describe(candidates)));
    }

    private static String describe(Mixer.Info[] infos) {
        List<String> names = new ArrayList<>();
        for (Mixer.Info info : infos) {
            names.add("'" + info.getName() + "'");
        }
        return String.join(", ", names);
    }

    @Override
    public AudioStream open(AudioFormat format, FrameHandler handler, Consumer<Exception> onError) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(onError, "onError");
        javax.sound.sampled.AudioFormat pcm = new javax.sound.sampled.AudioFormat(format.sampleRate(), 16, 1, true, false);
        DataLine.Info captureInfo = new DataLine.Info(TargetDataLine.class, pcm);
        DataLine.Info playbackInfo = new DataLine.Info(SourceDataLine.class, pcm);
        int bufferBytes = Math.max(format.samplesPerFrame() * 2, format.sampleRate() / 1000 * bufferMillis * 2);
        TargetDataLine capture = null;
        SourceDataLine playback = null;
        try {
            Mixer.Info chosen = choose(AudioSystem.getMixerInfo(), deviceName, info -> {
                Mixer mixer = AudioSystem.getMixer(info);
                return mixer.isLineSupported(captureInfo) && mixer.isLineSupported(playbackInfo);
            });
            if (chosen == null) {
                capture = (TargetDataLine) AudioSystem.getLine(captureInfo);
                playback = (SourceDataLine) AudioSystem.getLine(playbackInfo);
            } else {
                Mixer mixer = AudioSystem.getMixer(chosen);
                capture = (TargetDataLine) mixer.getLine(captureInfo);
                playback = (SourceDataLine) mixer.getLine(playbackInfo);
            }
            capture.open(pcm, bufferBytes);
            playback.open(pcm, bufferBytes);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            closeQuietly(capture);
            closeQuietly(playback);
            throw new AudioDeviceException("cannot open sound card " + name() + " at " + format + ": " + e.getMessage()
                    + " (Java Sound mixers: " + mixers() + ")", e);
        }
        TargetDataLine in = capture;
        SourceDataLine out = playback;
        FramePump pump = new FramePump(format, handler, onError, in::read, out::write, () -> {
            in.stop();
            in.close();
            out.stop();
            out.close();
        }, "audio-" + name());
        out.start();
        in.start();
        pump.start();
        return pump;
    }

    private static void closeQuietly(DataLine line) {
        if (line != null) {
            line.close();
        }
    }
}
