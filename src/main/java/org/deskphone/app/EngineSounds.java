package org.deskphone.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.deskphone.call.Sound;
import org.deskphone.call.Sounds;
import org.deskphone.media.MediaEngine;
import org.deskphone.media.tones.RingTone;
import org.deskphone.media.tones.Tone;
import org.deskphone.media.tones.ToneGrammar;
import org.deskphone.voice.ToneSet;
import org.tinylog.Logger;

/**
 * The phone's own sounds on the media engine: the configured call-progress tones ({@link ToneSet}, read by
 * {@code MediaConfiguration.tones}), and ring tones from the ring-tone files
 * provisioning installed ({@code <data>/resources/ringtones}); a ring tone without a file (the built-in
 * names) rings with a cadence of its own, so that distinctive rings sound different.
 */
final class EngineSounds implements Sounds {
    private final MediaEngine engine;
    private final Supplier<ToneSet> tones;
    private final Path ringtones;

    /** {@code tones}: the configured set now ({@code PhoneAudio.tones()}); {@code ringtones} where provisioning puts ring tones. */
    EngineSounds(MediaEngine engine, Supplier<ToneSet> tones, Path ringtones) {
        this.engine = engine;
        this.tones = tones;
        this.ringtones = ringtones;
    }

    @Override
    public void play(Sound sound) {
        try {
            if (sound instanceof Sound.Tone tone) {
                engine.playTone(tones.get().tone(tone.kind()));
            } else if (sound instanceof Sound.Ring ring) {
                Optional<short[]> file = ringFile(ring.melody());
                if (file.isPresent()) {
                    engine.playRecording(file.get(), true);
                } else {
                    engine.playTone(builtInRing(ring.melody()));
                }
            } else {
                engine.stopTone();
            }
        } catch (RuntimeException e) {
            Logger.warn("cannot play {}: {}", sound, e.getMessage());
        }
    }

    /** A ring-tone file named like {@code melody} ({@code Custom:lin.wav}, {@code Resource:Ring2.wav}, {@code Ring2.wav}). */
    private Optional<short[]> ringFile(String melody) {
        String name = melody.contains(":") ? melody.substring(melody.indexOf(':') + 1) : melody;
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty() || !Files.isDirectory(ringtones)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(ringtones)) {
            Optional<Path> file = files.filter(Files::isRegularFile).filter(f -> {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.equals(wanted) || n.equals(wanted + ".wav");
            }).findFirst();
            if (file.isPresent()) {
                return Optional.of(RingTone.load(file.get(), engine.format().sampleRate(), RingTone.ALE_MAX_BYTES * 8));
            }
        } catch (IOException e) {
            Logger.warn("cannot play ring tone {}: {}", melody, e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * A ring of its own for a name without a file: the Bellcore distinctive cadences (GR-506: dr1 2 s on,
     * dr2 two short rings, dr3 short-short-long, dr4 short-long-short...), and for other names a pitch and a
     * double ring of their own.
     */
    static Tone builtInRing(String melody) {
        String lower = melody.toLowerCase(Locale.ROOT);
        String cadence;
        if (lower.startsWith("bellcore-dr")) {
            cadence = switch (lower.substring("bellcore-dr".length())) {
                case "2" -> "440+480/800,0/400,440+480/800,0/4000";
                case "3" -> "440+480/400,0/200,440+480/400,0/200,440+480/800,0/4000";
                case "4" -> "440+480/300,0/200,440+480/1000,0/200,440+480/300,0/4000";
                case "5" -> "440+480/500,0/4000";
                default -> "440+480/2000,0/4000";
            };
        } else {
            int pitch = 400 + Math.floorMod(lower.hashCode(), 8) * 60;
            cadence = pitch + "+" + (pitch * 5 / 4) + "/400,0/200," + pitch + "+" + (pitch * 5 / 4) + "/400,0/2000";
        }
        return ToneGrammar.BUILT_IN.parse(cadence);
    }
}
