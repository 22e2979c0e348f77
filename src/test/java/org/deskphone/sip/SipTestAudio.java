package org.deskphone.sip;

import java.nio.file.Path;
import java.util.List;
import org.deskphone.testing.Baresip;

/** {@link AudioCheck} for tests outside this package (the process tests). */
public final class SipTestAudio {

    private SipTestAudio() {
    }

    public static Path noise(Path file, int seconds, long seed) throws java.io.IOException {
        return AudioCheck.noise(file, seconds, seed);
    }

    public static Path speech(Path file) throws java.io.IOException {
        return AudioCheck.speech(file);
    }

    /** How well baresip heard {@code sent}, and how well {@code heard} holds what baresip sent. */
    public static List<Double> correlation(Path sent, Path heard, Baresip peer) throws Exception {
        double there = AudioCheck.correlation(AudioCheck.read(sent), AudioCheck.read(CallIT.newest(peer, "-dec.wav")), 4000);
        double here = AudioCheck.correlation(AudioCheck.read(peer.audioSent()), AudioCheck.read(heard), 4000);
        return List.of(there, here);
    }
}
